package com.tanhdev.pullsecret.cli;

import com.tanhdev.pullsecret.config.ProcessEnvironment;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** Entry point: picks the subcommand. Exit codes: 0 ok, 1 findings or refusal, 2 usage or input. */
public final class Main {

  private static final String USAGE =
      """
      Usage: pullsecret-webhook <command> [options]

      Commands:
        serve      Run the admission webhook (HTTPS /mutate, plain /healthz /readyz /metrics).
        provision  Copy each rule's source secret into the selected namespaces, kept in sync.
        check      Report workloads in manifests that pull from a registry without its secret.
        strip      Remove the hand-written pull secrets that the webhook adds.
        audit      Report namespaces, workloads and pods in the cluster that cannot pull.
        certs      Generate a CA and a serving certificate for the webhook Service.

      Run 'pullsecret-webhook <command> --help' for a command's options.
      """;

  private Main() {}

  public static void main(String[] args) {
    int code = run(Arrays.asList(args), System.out, System.err);
    // serve and provision keep running on their own threads until SIGTERM.
    boolean keepsRunning = args.length > 0 && List.of("serve", "provision").contains(args[0]);
    if (code != 0 || !keepsRunning) {
      System.exit(code);
    }
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      (args.isEmpty() ? err : out).print(USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    List<String> rest = args.subList(1, args.size());
    return switch (args.get(0)) {
      case "serve" -> new ServeCommand().run(rest, out, err);
      case "provision" -> new ProvisionCommand().run(rest, out, err);
      case "check" -> new CheckCommand().run(rest, System.in, out, err);
      case "audit" -> new AuditCommand().run(rest, out, err);
      case "strip" ->
          new StripCommand(ProcessEnvironment.current().variables()).run(rest, System.in, out, err);
      case "certs" -> new CertsCommand().run(rest, out, err);
      default -> {
        err.println("unknown command: " + args.get(0));
        err.print(USAGE);
        yield 2;
      }
    };
  }
}
