package com.tanhdev.pullsecret.check;

import com.tanhdev.pullsecret.source.SourceText;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Where a document was written: the whole file's text and the document's node tree, whose marks
 * give line numbers and the places to edit.
 *
 * @param text the file the document is part of
 * @param root the document's node tree
 */
public record DocumentSource(SourceText text, Node root) {}
