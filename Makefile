# The two commands of the README. Everything they need is installed by the scripts they call.
.PHONY: demo test build bench load

# Start a local control plane and the webhook, apply a GitOps-shaped workload set, print what
# was injected, skipped and why.
demo:
	scripts/demo.sh

# Every test, including the integration tests through a real kube-apiserver.
test:
	scripts/test.sh

# The runnable jar (target/pullsecret-webhook.jar), without tests.
build:
	mvn -B -q package -DskipTests

# The JMH benchmark of the decision path (results in docs/benchmarks.md).
bench:
	scripts/bench.sh

# The load tests over HTTPS, shaped like kube-apiserver's webhook client, then the provisioner
# against a real kube-apiserver, then the roll-out drill with 20 rolling restarts (results in
# docs/benchmarks.md). About 35 minutes; run on an otherwise quiet machine.
load:
	scripts/load.sh
	scripts/provision-bench.sh
	scripts/rollout-drill.sh
