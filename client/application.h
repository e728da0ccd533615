#pragma once

namespace onewindow::client {

/// Everything main() does: command line, logging, languages, sign-in, main window, plugins.
int runClient(int argc, char *argv[]);

} // namespace onewindow::client
