package com.tanhdev.pullsecret.check;

import com.tanhdev.pullsecret.source.SourceDocuments;
import com.tanhdev.pullsecret.source.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads manifests from files, directories (recursively, {@code *.yaml}, {@code *.yml} and {@code
 * *.json}) and standard input ({@code -}), each as a stream of YAML documents the way {@code
 * kustomize build} prints them. JSON is read by the same parser, since it is also YAML.
 */
public final class ManifestReader {

  private static final String STDIN = "-";
  private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");

  private final YAMLMapper yaml;
  private final InputStream stdin;

  public ManifestReader(YAMLMapper yaml, InputStream stdin) {
    this.yaml = yaml;
    this.stdin = stdin;
  }

  /**
   * Reads every path, in the order given; the files of a directory in path order.
   *
   * @throws UnreadableManifestException for a missing or unreadable file or a syntax error
   */
  public Manifests read(List<String> paths) {
    List<String> files = new ArrayList<>();
    List<ManifestDocument> documents = new ArrayList<>();
    List<SourceText> texts = new ArrayList<>();
    for (String path : paths) {
      for (String file : expand(path)) {
        files.add(file);
        byte[] bytes = bytesOf(file);
        List<JsonNode> contents = parse(file, bytes);
        SourceText text = SourceText.of(bytes);
        texts.add(text);
        List<DocumentSource> sources = sources(file, text, contents.size());
        for (int i = 0; i < contents.size(); i++) {
          documents.add(
              new ManifestDocument(
                  file, contents.get(i), sources.isEmpty() ? null : sources.get(i)));
        }
      }
    }
    return new Manifests(files, documents, texts);
  }

  private List<String> expand(String path) {
    if (path.equals(STDIN)) {
      return List.of(STDIN);
    }
    Path given;
    try {
      given = Path.of(path);
    } catch (InvalidPathException e) {
      throw new UnreadableManifestException(path + ": not a valid path");
    }
    if (Files.isDirectory(given)) {
      return manifestFilesUnder(given);
    }
    if (!Files.exists(given)) {
      throw new UnreadableManifestException(path + ": no such file or directory");
    }
    return List.of(path);
  }

  private static List<String> manifestFilesUnder(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile)
          .filter(ManifestReader::hasManifestExtension)
          .map(file -> file.normalize().toString().replace('\\', '/'))
          .sorted(Comparator.naturalOrder())
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new UnreadableManifestException(directory + ": cannot list the directory: " + e);
    }
  }

  private static boolean hasManifestExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  private byte[] bytesOf(String file) {
    try {
      return file.equals(STDIN) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
    } catch (IOException e) {
      throw new UnreadableManifestException(file + ": cannot read: " + e.getMessage());
    }
  }

  /**
   * The node trees of the same documents, for line numbers and in-place edits; none when the two
   * parses disagree on the documents, so that a position is never given for the wrong document.
   */
  private static List<DocumentSource> sources(String file, SourceText text, int expected) {
    List<Node> roots;
    try {
      roots = SourceDocuments.of(text, file);
    } catch (YamlEngineException e) {
      return List.of();
    }
    if (roots.size() != expected) {
      return List.of();
    }
    return roots.stream().map(root -> new DocumentSource(text, root)).toList();
  }

  private List<JsonNode> parse(String file, byte[] bytes) {
    List<JsonNode> documents = new ArrayList<>();
    // A parser-level iterator, not readValues(bytes): that one would unwrap a top-level sequence.
    try (JsonParser parser = yaml.createParser(bytes);
        MappingIterator<JsonNode> values = yaml.readerFor(JsonNode.class).readValues(parser)) {
      while (values.hasNextValue()) {
        JsonNode document = values.nextValue();
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          documents.add(document);
        }
      }
    } catch (JacksonException e) {
      throw new UnreadableManifestException(SyntaxErrorMessage.of(file, e));
    }
    return documents;
  }
}
