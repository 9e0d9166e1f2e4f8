//go:build tools

// Package tools pins the helm command the tests render the sample chart with,
// so that `go mod tidy` keeps it in go.mod and go.sum. It is a module of its
// own because helm's Kubernetes libraries differ from kube-apiserver's.
package tools

import (
	_ "helm.sh/helm/v3/cmd/helm"
)
