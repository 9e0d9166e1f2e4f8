//go:build tools

// Package tools pins the modules whose commands the dev cluster builds, so that
// `go mod tidy` keeps them in go.mod and go.sum.
package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
)
