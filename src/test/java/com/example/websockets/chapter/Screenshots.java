package com.example.websockets.chapter;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Screenshots the browser tests take for README.md and CHAPTER.md: always into
 * {@code target/screenshots}, and into {@code src/docs} when the chapter is being refreshed.
 */
public final class Screenshots {

    private static final int GAP = 12;

    private Screenshots() {
    }

    public static void sideBySide(String name, byte[] left, byte[] right) {
        try {
            BufferedImage a = ImageIO.read(new ByteArrayInputStream(left));
            BufferedImage b = ImageIO.read(new ByteArrayInputStream(right));
            BufferedImage both = new BufferedImage(a.getWidth() + GAP + b.getWidth(),
                    Math.max(a.getHeight(), b.getHeight()), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = both.createGraphics();
            g.setColor(Color.GRAY);
            g.fillRect(0, 0, both.getWidth(), both.getHeight());
            g.drawImage(a, 0, 0, null);
            g.drawImage(b, a.getWidth() + GAP, 0, null);
            g.dispose();
            write(both, Path.of("target/screenshots", name));
            if (DocPage.refreshRequested()) {
                write(both, Path.of("src/docs", name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void one(String name, byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            write(image, Path.of("target/screenshots", name));
            if (DocPage.refreshRequested()) {
                write(image, Path.of("src/docs", name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
