package com.tanhdev.pullsecret;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages of the main code form a graph without cycles, so each can be read, tested and moved
 * knowing only the packages below it. Every package is its own slice, subpackages included: a cycle
 * between {@code tls} and a package inside it counts as much as one between siblings.
 */
class ImportGraphTest {

  private static final JavaClasses MAIN_CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.tanhdev.pullsecret");

  @Test
  void no_package_depends_on_itself_through_others() {
    slices().matching("com.tanhdev.pullsecret.(**)").should().beFreeOfCycles().check(MAIN_CLASSES);
  }
}
