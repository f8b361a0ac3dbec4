//go:build !unix

package atomicfile

// oNonBlock: opening a named pipe by path does not wait on other systems.
const oNonBlock = 0
