package dev.gradient.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * Every Kubernetes object in the YAML files of one directory ({@code deploy/kubernetes}), each
 * file read with all its documents, with look-ups by kind and name and by path inside an object.
 */
final class KubernetesManifests {

    private final Path directory;
    private final List<Map<String, Object>> objects;

    private KubernetesManifests(Path directory, List<Map<String, Object>> objects) {
        this.directory = directory;
        this.objects = objects;
    }

    /** Reads every {@code *.yaml} file of the directory but {@code kustomization.yaml}. */
    static KubernetesManifests read(Path directory) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Path file : yamlFiles(directory)) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                objects.addAll(documents(file));
            }
        }
        return new KubernetesManifests(directory, objects);
    }

    /** The names of the directory's YAML files, sorted. */
    static List<Path> yamlFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The non-empty documents of one YAML file. */
    static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add(asMap(document, file + " (a document)"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    List<Map<String, Object>> all() {
        return objects;
    }

    /** The one object of this kind and name; fails naming what it looked for. */
    Map<String, Object> find(String kind, String name) {
        List<Map<String, Object>> found = objects.stream()
                .filter(object -> kind.equals(object.get("kind")) && name.equals(at(object, "metadata.name")))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " named " + name + " in " + directory + ", found " + found.size());
        }
        return found.get(0);
    }

    /** The one object of this kind; fails if there are none or several. */
    Map<String, Object> only(String kind) {
        List<Map<String, Object>> found = objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " in " + directory + ", found " + found.size());
        }
        return found.get(0);
    }

    /** The value at a dotted path of map keys ({@code spec.template.spec}); fails where one is missing. */
    static Object at(Object node, String path) {
        Object current = node;
        for (String key : path.split("\\.")) {
            Map<String, Object> map = asMap(current, path);
            if (!map.containsKey(key)) {
                throw new AssertionError("no " + key + " (of " + path + ") in " + map.keySet());
            }
            current = map.get(key);
        }
        return current;
    }

    /** The map at a dotted path. */
    static Map<String, Object> mapAt(Object node, String path) {
        return asMap(at(node, path), path);
    }

    /** The list of maps at a dotted path. */
    static List<Map<String, Object>> listAt(Object node, String path) {
        if (!(at(node, path) instanceof List<?> list)) {
            throw new AssertionError(path + " is not a list");
        }
        return list.stream().map(item -> asMap(item, path + "[]")).toList();
    }

    /** The one element of a list of maps whose {@code name} is this one. */
    static Map<String, Object> named(List<Map<String, Object>> items, String name) {
        return items.stream()
                .filter(item -> name.equals(item.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing named " + name + " in " + items));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node, String what) {
        if (!(node instanceof Map<?, ?>)) {
            throw new AssertionError(what + " is not a mapping: " + node);
        }
        return (Map<String, Object>) node;
    }
}
