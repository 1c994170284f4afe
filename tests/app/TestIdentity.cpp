// The desk's identity (issue 9, finding 14): its own icon (resources/icons/bankid-desk.svg) renders and is
// the window's and the About dialog's; every task in the list has its icon; About and --help describe all
// six tasks.

#include "AboutDialog.h"
#include "DeskOptions.h"

#include <QApplication>
#include <QIcon>
#include <QLabel>
#include <QTest>

using namespace bankid;

class TestIdentity : public QObject
{
    Q_OBJECT

private slots:
    void iconsRender_data();
    void iconsRender();
    void aboutAndHelpDescribeEveryTask();
};

namespace {

/// The six task names as the list shows them (English).
const QStringList &taskNames()
{
    static const QStringList names{QStringLiteral("Log in"), QStringLiteral("Identify caller"),
                                   QStringLiteral("Sign text"), QStringLiteral("Sign document"),
                                   QStringLiteral("Verify receipt"), QStringLiteral("Verify ID card")};
    return names;
}

} // namespace

void TestIdentity::iconsRender_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("application") << QStringLiteral(":/bankid-desk/icons/bankid-desk.svg");
    for (const char *task : {"login", "caller", "sign-text", "sign-document", "verify", "id-card"})
        QTest::newRow(task) << QStringLiteral(":/bankid-desk/icons/tasks/%1.svg").arg(QLatin1String(task));
}

void TestIdentity::iconsRender()
{
    QFETCH(QString, path);
    const QIcon icon(path);
    QVERIFY2(!icon.isNull(), qPrintable(path));
    const QImage image = icon.pixmap(QSize(48, 48)).toImage();
    QVERIFY2(!image.isNull(), qPrintable(path));
    // Something is drawn: not a blank square (a missing SVG plugin or a broken file renders nothing).
    int opaque = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            opaque += qAlpha(image.pixel(x, y)) > 128 ? 1 : 0;
    }
    QVERIFY2(opaque > image.width() * image.height() / 10, qPrintable(path));
}

void TestIdentity::aboutAndHelpDescribeEveryTask()
{
    DeskOptions options;
    QVERIFY(options.parse({QStringLiteral("bankid-desk"), QStringLiteral("--help")}).isEmpty());
    AboutDialog about(QStringLiteral("Simulator"));
    auto *versions = about.findChild<QLabel *>(QStringLiteral("versionsLabel"));
    QVERIFY(versions);
    for (const QString &task : taskNames()) {
        QVERIFY2(options.helpText.contains(task), qPrintable(task));
        QVERIFY2(versions->text().contains(task), qPrintable(task));
    }
}

QTEST_MAIN(TestIdentity)
#include "TestIdentity.moc"
