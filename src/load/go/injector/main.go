// A small Go pull-secret injector, the comparison for the load tests: what a minimal webhook on
// Go's net/http adds to a Pod creation through kube-apiserver. It does what the webhook does for
// the load scenario's Pods (adds the pull secret when a container's image is on the registry),
// with the standard library only and no checks beyond that, so it shows the cost of the
// transport and the JSON, not of a feature set.
package main

import (
	"crypto/tls"
	"encoding/json"
	"flag"
	"io"
	"log"
	"net/http"
	"strings"
	"time"
)

type review struct {
	APIVersion string    `json:"apiVersion"`
	Kind       string    `json:"kind"`
	Request    *request  `json:"request,omitempty"`
	Response   *response `json:"response,omitempty"`
}

type request struct {
	UID    string `json:"uid"`
	Object struct {
		Spec struct {
			Containers       []struct{ Image string } `json:"containers"`
			InitContainers   []struct{ Image string } `json:"initContainers"`
			ImagePullSecrets []struct{ Name string }  `json:"imagePullSecrets"`
		} `json:"spec"`
	} `json:"object"`
}

type response struct {
	UID       string `json:"uid"`
	Allowed   bool   `json:"allowed"`
	PatchType string `json:"patchType,omitempty"`
	Patch     []byte `json:"patch,omitempty"`
}

type patchOp struct {
	Op    string `json:"op"`
	Path  string `json:"path"`
	Value any    `json:"value"`
}

type secretRef struct {
	Name string `json:"name"`
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8443", "listen address")
	cert := flag.String("cert", "tls.crt", "serving certificate (PEM)")
	key := flag.String("key", "tls.key", "serving key (PEM)")
	registry := flag.String("registry", "registry-api.tanhdev.com", "registry host")
	secret := flag.String("secret", "registry-api-tanhdev", "pull secret name")
	flag.Parse()

	mux := http.NewServeMux()
	mux.HandleFunc("/mutate", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 7<<20))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var in review
		if err := json.Unmarshal(body, &in); err != nil || in.Request == nil {
			http.Error(w, "not an AdmissionReview", http.StatusBadRequest)
			return
		}
		out := review{APIVersion: in.APIVersion, Kind: in.Kind,
			Response: &response{UID: in.Request.UID, Allowed: true}}
		if patch := patchFor(in.Request, *registry, *secret); patch != nil {
			out.Response.PatchType = "JSONPatch"
			out.Response.Patch = patch
		}
		w.Header().Set("Content-Type", "application/json")
		if err := json.NewEncoder(w).Encode(out); err != nil {
			log.Printf("writing the answer: %v", err)
		}
	})
	server := &http.Server{
		Addr:              *addr,
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		// HTTP/1.1 only, as kube-apiserver speaks to a webhook behind a Service.
		TLSNextProto: map[string]func(*http.Server, *tls.Conn, http.Handler){},
	}
	log.Printf("listening on %s", *addr)
	log.Fatal(server.ListenAndServeTLS(*cert, *key))
}

func patchFor(req *request, registry, secret string) []byte {
	spec := req.Object.Spec
	for _, s := range spec.ImagePullSecrets {
		if s.Name == secret {
			return nil
		}
	}
	onRegistry := false
	for _, c := range append(spec.Containers, spec.InitContainers...) {
		if strings.HasPrefix(c.Image, registry+"/") {
			onRegistry = true
		}
	}
	if !onRegistry {
		return nil
	}
	op := patchOp{Op: "add", Path: "/spec/imagePullSecrets", Value: []secretRef{{secret}}}
	if len(spec.ImagePullSecrets) > 0 {
		op = patchOp{Op: "add", Path: "/spec/imagePullSecrets/-", Value: secretRef{secret}}
	}
	patch, _ := json.Marshal([]patchOp{op})
	return patch
}
