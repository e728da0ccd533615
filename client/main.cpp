// onewindow: the counter client.
#include "application.h"

int main(int argc, char *argv[])
{
    return onewindow::client::runClient(argc, argv);
}
