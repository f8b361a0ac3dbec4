package words

import (
	"net/url"
	"strings"
)

// The friend lock's words: the code is given once, to be sent to the
// friend, and is never shown again; a code that does not match says what
// to do.
const (
	// SendCodeNow heads the code, the once it is shown.
	SendCodeNow = "Send this code to your friend now"
	// DontKeepCode follows the code: a code kept at hand is no lock.
	DontKeepCode = "Don't keep a copy yourself: No Contact will not show the code again, " +
		"and it is the only way to end this block early."
	// WrongCode is said when the code typed is not the friend's.
	WrongCode = "That is not the code your friend has. Ask them to read it to you again, letter by letter, " +
		"and type it once more; capitals, spaces and dashes do not matter."
	// mailSubject is the subject of the message to the friend.
	mailSubject = "A code to keep for me"
)

// FriendCode gives the friend's code of a block that was just started on
// the command line, once, and says to send it now.
func FriendCode(code string) string {
	return "Your friend's code: " + code + "\n" + SendCodeNow + ". " + DontKeepCode
}

// FriendMessage is the message that carries the code to the friend, in
// our own words: no name of anyone, no site, nothing but the code and
// what it is for.
func FriendMessage(code string) string {
	return strings.Join([]string{
		"Hi,",
		"I have started a block on my computer to help me keep my distance from someone for a while. Only this code can end it early:",
		code,
		"Could you keep it for me? If I ask for it, please talk with me first; it is fine to say \"let's wait until tomorrow\".",
		"Thank you for being there.",
	}, "\n\n")
}

// FriendShort is the code in a line short enough for a QR code a phone
// reads at a glance.
func FriendShort(code string) string {
	return "Please keep this code for me: " + code + ". Only it ends my block early."
}

// FriendMail is a mailto: link with the message to the friend, for the
// person's own mail program to fill in; the friend's address is theirs
// to add.
func FriendMail(code string) *url.URL {
	// RFC 6068 wants %20 for a space; QueryEscape writes "+".
	esc := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
	return &url.URL{Scheme: "mailto", RawQuery: "subject=" + esc(mailSubject) + "&body=" + esc(FriendMessage(code))}
}
