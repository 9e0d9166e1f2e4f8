// Command etcd is etcd's server entry point, built from the etcd server module
// that kube-apiserver's own module graph selects, so both come from one go.mod.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
