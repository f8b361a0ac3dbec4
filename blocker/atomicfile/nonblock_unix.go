//go:build unix

package atomicfile

import "syscall"

const oNonBlock = syscall.O_NONBLOCK
