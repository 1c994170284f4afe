#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QSize>
#include <QString>

namespace bankid::test {

/// Makes the offscreen platform (QT_QPA_PLATFORM=offscreen) offer one screen of `size` pixels, optionally
/// at `scaleFactor` (QT_SCALE_FACTOR), instead of its default 800x600. Call it in main() before the
/// QApplication exists; the JSON configuration is written to `folder`, which must outlive the
/// application. Returns false when the file could not be written.
///
///     QTemporaryDir dir;
///     test::useOffscreenScreen(QSize(1366, 768), 1.5, dir.path());
///     QApplication app(argc, argv);
inline bool useOffscreenScreen(const QSize &size, double scaleFactor, const QString &folder)
{
    const QString config = QDir(folder).filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QStringLiteral(R"({"screens": [{"name": "screen", "x": 0, "y": 0, "width": %1, "height": %2,
                                  "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})")
                   .arg(size.width())
                   .arg(size.height())
                   .toUtf8());
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
    if (scaleFactor != 1.0)
        qputenv("QT_SCALE_FACTOR", QByteArray::number(scaleFactor));
    return true;
}

} // namespace bankid::test
