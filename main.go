// Command nocontact is No Contact's desktop app: the main window, and (as
// the project grows) the excerpt pop-up, the article reader and the command
// line. It runs as the user; blocking is done by the nocontactd daemon.
package main

import "github.com/nocontact-app/nocontact/app"

func main() {
	app.Run()
}
