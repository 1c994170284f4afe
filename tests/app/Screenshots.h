#pragma once

#include "TestConfig.h"

#include <QDir>
#include <QImage>
#include <QTest>
#include <QWidget>

namespace bankid::test {

/// Saves what `widget` shows now as <name>: into the build tree (tests/screenshots/) on every run, and into
/// docs/screenshots/ of the source tree (the pictures the README shows) only when the environment variable
/// BANKID_UPDATE_SCREENSHOTS is 1 — so a test run leaves the checkout unchanged. A failure to write is a
/// test failure naming the file. Header-only: it needs Qt Widgets.
///
///     test::saveScreenshot(&view, QStringLiteral("ResultView-en.png"));
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    QStringList dirs{QStringLiteral(BANKID_BINARY_DIR "/tests/screenshots")};
    if (qEnvironmentVariable("BANKID_UPDATE_SCREENSHOTS") == QLatin1String("1"))
        dirs << QStringLiteral(BANKID_SOURCE_DIR "/docs/screenshots");
    const QImage image = widget->grab().toImage();
    for (const QString &dir : dirs) {
        QVERIFY2(QDir().mkpath(dir), qPrintable(dir));
        QVERIFY2(image.save(QDir(dir).filePath(name)), qPrintable(QDir(dir).filePath(name)));
    }
}

} // namespace bankid::test
