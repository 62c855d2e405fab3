// A line chart on a canvas, short enough to read: the last 60 readings of one or two series,
// scaled to the largest value shown. No library, so nothing to fetch from elsewhere.
class LineChart {
    constructor(canvas, colors = ["#1565c0", "#c62828"]) {
        this.canvas = canvas;
        this.colors = colors;
        this.series = colors.map(() => []);
    }

    add(...values) {
        values.forEach((value, i) => {
            this.series[i].push(value);
            if (this.series[i].length > 60) {
                this.series[i].shift();
            }
        });
        this.draw();
    }

    draw() {
        const g = this.canvas.getContext("2d");
        const {width, height} = this.canvas;
        g.clearRect(0, 0, width, height);
        const top = Math.max(1, ...this.series.flat());
        g.fillStyle = "#555";
        g.font = "11px sans-serif";
        g.fillText(String(top), 2, 11);
        this.series.forEach((points, i) => {
            g.strokeStyle = this.colors[i];
            g.lineWidth = 2;
            g.beginPath();
            points.forEach((value, x) => {
                const px = x * (width - 1) / 59;
                const py = height - 1 - value * (height - 16) / top;
                x === 0 ? g.moveTo(px, py) : g.lineTo(px, py);
            });
            g.stroke();
        });
    }
}
