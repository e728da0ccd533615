#pragma once

#include <QDir>
#include <QFile>
#include <QString>

/// Makes SANE see only its virtual "test" backend (devices test:0 and test:1), configured in
/// `directory`, whatever the computer's own configuration says. Call before the first sane_init.
inline bool useSaneTestDevice(const QString &directory)
{
    QFile dll(QDir(directory).filePath(QStringLiteral("dll.conf")));
    QFile test(QDir(directory).filePath(QStringLiteral("test.conf")));
    if (!dll.open(QIODevice::WriteOnly) || !test.open(QIODevice::WriteOnly))
        return false;
    dll.write("test\n");
    // The backend's defaults: a gray 8-bit flatbed of 80 x 100 mm, a feeder that holds 10 pages.
    test.write("number_of_devices 2\nmode Gray\ndepth 8\nresolution 50.0\ntest-picture \"Solid black\"\n"
               "tl_x 0.0\ntl_y 0.0\nbr_x 80.0\nbr_y 100.0\n");
    // Without a trailing ':' SANE reads this folder alone.
    return qputenv("SANE_CONFIG_DIR", QFile::encodeName(directory));
}
