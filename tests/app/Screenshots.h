#pragma once

#include "TestConfig.h"

#include <QDir>
#include <QTest>
#include <QWidget>

namespace bankid::test {

/// Saves what `widget` shows now as docs/screenshots/<name> in the source tree (the pictures the README
/// shows); a failure to write is a test failure naming the file. Header-only: it needs Qt Widgets.
///
///     test::saveScreenshot(&view, QStringLiteral("ResultView-en.png"));
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(BANKID_SOURCE_DIR "/docs/screenshots");
    QVERIFY(QDir().mkpath(dir));
    QVERIFY2(widget->grab().save(QDir(dir).filePath(name)), qPrintable(name));
}

} // namespace bankid::test
