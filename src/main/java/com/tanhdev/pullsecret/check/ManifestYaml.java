package com.tanhdev.pullsecret.check;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.dataformat.yaml.YAMLAnchorReplayingFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLReadFeature;
import tools.jackson.dataformat.yaml.YAMLSchema;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** Builds the YAML mapper that manifests are read and written with; one per run, passed around. */
public final class ManifestYaml {

  private ManifestYaml() {}

  public static YAMLMapper mapper() {
    YAMLFactory factory =
        YAMLAnchorReplayingFactory.builder()
            // kubectl reads a plain 0644 as the octal number 420 and ~ as null. Reading scalars the
            // same way keeps "defaultMode: 0644" a number when --fix writes the manifest back;
            // read as the string "0644" it would be quoted and the API server would reject it.
            .yamlSchema(YAMLSchema.CORE)
            .enable(YAMLReadFeature.PARSE_OCTAL_NUMBERS)
            // With a duplicate key nobody can say which container list the cluster would get.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .build();
    return YAMLMapper.builder(factory).build();
  }
}
