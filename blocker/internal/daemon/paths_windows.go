package daemon

// DefaultStateDir is where the daemon keeps its session state and log.
const DefaultStateDir = `C:\ProgramData\NoContact`

// conflictHint says who, on Windows, most often takes the section out
// again and again: Microsoft Defender removes hosts entries for sites it
// protects and reports them as "SettingsModifier:Win32/HostsFileHijack".
const conflictHint = "; on Windows this is most often Microsoft Defender, which takes out hosts entries for some sites (it reports them as HostsFileHijack): the block's names stay blocked in the browsers' policies, and allowing the detection in Defender's protection history ends the fight"
