// TerminalQr: the half-block drawing must reproduce the QR matrix module for module, with the quiet zone,
// so that what a phone scans off the terminal is exactly the encoded content.
#include "QrContent.h"
#include "QrMatrix.h"
#include "TerminalQr.h"

#include <QTest>

using namespace bankid;

class TestTerminalQr : public QObject
{
    Q_OBJECT

private:
    // Reads the drawing back into a grid of dark modules (true = dark), quiet zone included.
    static QList<QList<bool>> readBack(const QString &art)
    {
        QList<QList<bool>> rows;
        const QStringList lines = art.split(u'\n', Qt::SkipEmptyParts);
        for (QString line : lines) {
            line.remove(QStringLiteral("\x1b[30;47m")).remove(QStringLiteral("\x1b[0m"));
            QList<bool> top;
            QList<bool> bottom;
            for (const QChar c : std::as_const(line)) {
                top.append(c == QChar(0x2588) || c == QChar(0x2580));
                bottom.append(c == QChar(0x2588) || c == QChar(0x2584));
            }
            rows.append(top);
            rows.append(bottom);
        }
        return rows;
    }

private slots:
    void drawingMatchesMatrix_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<int>("quietZone");
        QTest::addColumn<bool>("colours");
        const QString qr = QrContent::at(QStringLiteral("67df3917-fa0d-44e5-b327-edcc928297f8"),
                                         QStringLiteral("d28db9a7-4cde-429e-a983-359be676944c"), 7);
        QTest::newRow("bankid_qr_quiet3_colours") << qr << 3 << true;
        QTest::newRow("bankid_qr_quiet4_plain") << qr << 4 << false;
        QTest::newRow("short_text_quiet0") << QStringLiteral("hello") << 0 << true;
    }

    void drawingMatchesMatrix()
    {
        QFETCH(QString, content);
        QFETCH(int, quietZone);
        QFETCH(bool, colours);
        const auto matrix = QrMatrix::encode(content.toUtf8());
        QVERIFY(matrix);
        const QString art = TerminalQr::render(*matrix, quietZone, colours);
        QCOMPARE(art.contains(QStringLiteral("\x1b[30;47m")), colours);

        const QList<QList<bool>> grid = readBack(art);
        const int span = matrix->size() + 2 * quietZone;
        QCOMPARE(grid.first().size(), span);
        QVERIFY(grid.size() == span || grid.size() == span + 1); // an odd span leaves one padding row
        for (int y = 0; y < span; ++y) {
            for (int x = 0; x < span; ++x) {
                const int mx = x - quietZone;
                const int my = y - quietZone;
                const bool expected = mx >= 0 && my >= 0 && mx < matrix->size() && my < matrix->size()
                    && matrix->isDark(mx, my);
                if (grid.at(y).at(x) != expected)
                    QFAIL(qPrintable(QStringLiteral("module (%1,%2) differs").arg(x).arg(y)));
            }
        }
        if (grid.size() > span) {
            const QList<bool> padding = grid.last();
            QVERIFY(!padding.contains(true));
        }
    }
};

QTEST_APPLESS_MAIN(TestTerminalQr)
#include "TestTerminalQr.moc"
