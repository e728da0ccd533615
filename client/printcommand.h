#pragma once

namespace onewindow::client {

/// `onewindow print --case NUMBER --document acceptance|commitment|one-time-notice|non-acceptance|
/// material-receipt --output FILE.pdf [--server URL] --user USER` (password in ONEWINDOW_PASSWORD):
/// reprints a paper without a window, for batch reprints. The department plugins are loaded from
/// the client's plugin folders, so the paper is the one the client prints: a plugin's template
/// where it offers one, else the built-in one. Exit 0 on success, 1 on failure, 2 on bad usage.
int runPrintCommand(int argc, char *argv[]);

} // namespace onewindow::client
