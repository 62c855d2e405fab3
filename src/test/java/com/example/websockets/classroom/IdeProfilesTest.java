package com.example.websockets.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An IDE that imports the project sees every exercise's folder as test sources, with nothing to
 * mark by hand: pom.xml's profiles that the IDEs' own properties turn on list each folder. A
 * plain ./mvnw turns neither on, so it never compiles the starters.
 */
class IdeProfilesTest {

    private static final Pattern PROFILE = Pattern.compile(
            "<profile>\\s*<id>([\\w-]+)</id>\\s*<activation>\\s*<property><name>([\\w.]+)</name>"
                    + "</property>\\s*</activation>(.*?)</profile>", Pattern.DOTALL);

    @Test
    void intellij_and_eclipse_see_every_exercise_folder_and_plain_maven_none() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        List<String> folders = new ArrayList<>(Exercise.all().stream()
                .map(exercise -> exercise.folder().toString().replace('\\', '/')).toList());
        Exercise.live().ifPresent(live ->
                folders.add(live.folder().toString().replace('\\', '/')));
        List<String> properties = new ArrayList<>();
        Matcher profile = PROFILE.matcher(pom);
        while (profile.find()) {
            properties.add(profile.group(2));
            List<String> sources = new ArrayList<>();
            Matcher source = Pattern.compile("<source>([^<]+)</source>").matcher(profile.group(3));
            while (source.find()) {
                sources.add(source.group(1));
            }
            assertEquals(folders, sources, "pom.xml's profile " + profile.group(1)
                    + " must list every exercise's folder, in order, and no other");
        }
        assertEquals(List.of("idea.maven.embedder.version", "m2e.version"), properties,
                "the properties IntelliJ IDEA and Eclipse (m2e, and VS Code) set on import");
        assertFalse(pom.contains("activeByDefault"), "no profile may be on by default");
        assertTrue(folders.stream().noneMatch(folder -> folder.contains("solutions")),
                "the solutions are not the IDE's business");
    }
}
