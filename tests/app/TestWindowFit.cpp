// The desk fits a small laptop (issue 9, finding 8): on a 1366x768 screen at QT_SCALE_FACTOR=1.5 (683x512
// logical pixels) the first main window lies within the screen's available geometry, its minimum size
// fits too (the demo phone docked), and the task list shows all six tasks without a scrollbar. The
// offscreen platform gets the screen from a JSON configuration written before QApplication exists.
// The Verify ID card page fits there too: no sideways scrolling, the scanner input and the badge in view.

#include "DeskFixture.h"
#include "DeskLoginPage.h"
#include "MainWindow.h"
#include "OrderView.h"
#include "IdCardScannerInput.h"
#include "OutcomeBadge.h"
#include "VerifyIdCardPage.h"
#include "OffscreenScreen.h"
#include "Screenshots.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScreen>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>

using namespace bankid;

class TestWindowFit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void screenIsTheSmallLaptop();
    void firstWindowFitsTheScreen();
    void taskListShowsEveryTask();
    void orderViewFitsWithoutScrolling();
    void idCardPageFits();

private:
    test::DeskFixture m_desk;
};

void TestWindowFit::initTestCase()
{
    const QString error = m_desk.setUp();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestWindowFit::cleanupTestCase()
{
    m_desk.tearDown();
}

void TestWindowFit::init()
{
    const QString error = m_desk.openWindow(); // no size: the window's own first size
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestWindowFit::cleanup()
{
    m_desk.closeWindow();
}

void TestWindowFit::screenIsTheSmallLaptop()
{
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    QVERIFY2(available.width() <= 1366 / 1.5 + 1 && available.height() <= 768 / 1.5 + 1,
             qPrintable(QStringLiteral("%1x%2").arg(available.width()).arg(available.height())));
}

void TestWindowFit::firstWindowFitsTheScreen()
{
    MainWindow *window = m_desk.window();
    const QRect available = window->screen()->availableGeometry();
    QCoreApplication::processEvents();
    const QString sizes = QStringLiteral("window %1x%2 at %3,%4, minimum %5x%6, screen %7x%8")
                              .arg(window->frameGeometry().width()).arg(window->frameGeometry().height())
                              .arg(window->frameGeometry().x()).arg(window->frameGeometry().y())
                              .arg(window->minimumSizeHint().width()).arg(window->minimumSizeHint().height())
                              .arg(available.width()).arg(available.height());
    QVERIFY2(available.contains(window->frameGeometry()), qPrintable(sizes));
    QVERIFY2(window->minimumSizeHint().width() <= available.width()
                 && window->minimumSizeHint().height() <= available.height(),
             qPrintable(sizes));
    test::saveScreenshot(window, QStringLiteral("small-laptop-main.png"));
    // The demo phone starts collapsed here; Ctrl+D shows it without pushing the window off the screen.
    auto *demo = window->findChild<QAction *>(QStringLiteral("demoPhoneAction"));
    QVERIFY(demo && demo->isEnabled());
    if (!window->demoPhonePanel()->isVisible())
        demo->trigger();
    QTRY_VERIFY(window->demoPhonePanel()->isVisible());
    QCoreApplication::processEvents();
    QVERIFY2(available.contains(window->frameGeometry()),
             qPrintable(QStringLiteral("with the demo phone: %1x%2").arg(window->frameGeometry().width())
                            .arg(window->frameGeometry().height())));
    test::saveScreenshot(window, QStringLiteral("small-laptop-demo-phone.png"));
}

void TestWindowFit::taskListShowsEveryTask()
{
    auto *tasks = m_desk.window()->findChild<QListWidget *>(QStringLiteral("taskListWidget"));
    QVERIFY(tasks);
    QCoreApplication::processEvents();
    QVERIFY(!tasks->verticalScrollBar()->isVisible());
    QVERIFY(!tasks->horizontalScrollBar()->isVisible());
    for (int row = 0; row < tasks->count(); ++row) {
        const QRect item = tasks->visualItemRect(tasks->item(row));
        QVERIFY2(tasks->viewport()->rect().contains(item),
                 qPrintable(QStringLiteral("row %1 at %2,%3 %4x%5 outside the %6x%7 viewport")
                                .arg(row).arg(item.x()).arg(item.y()).arg(item.width()).arg(item.height())
                                .arg(tasks->viewport()->width()).arg(tasks->viewport()->height())));
    }
}

void TestWindowFit::orderViewFitsWithoutScrolling()
{
    // A running order on the small laptop: the QR code, the operator's status panel and Cancel are all in
    // view without scrolling (a tall hidden page, or a QR code sized by its hint, used to push them out).
    MainWindow *window = m_desk.window();
    auto *login = window->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton"));
    QVERIFY(login);
    QTest::mouseClick(login, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window->orderView()->isVisible(), 10000);
    auto *cancel = window->orderView()->findChild<QPushButton *>(QStringLiteral("cancelPushButton"));
    QVERIFY(cancel);
    QTRY_VERIFY_WITH_TIMEOUT(cancel->isVisible(), 10000);
    QCoreApplication::processEvents();
    auto *pages = window->findChild<QScrollArea *>(QStringLiteral("pagesScrollArea"));
    QVERIFY(pages);
    const QRect viewport(pages->viewport()->mapToGlobal(QPoint(0, 0)), pages->viewport()->size());
    const QRect cancelRect(cancel->mapToGlobal(QPoint(0, 0)), cancel->size());
    QVERIFY2(viewport.contains(cancelRect),
             qPrintable(QStringLiteral("Cancel at %1,%2 %3x%4, viewport %5,%6 %7x%8")
                            .arg(cancelRect.x()).arg(cancelRect.y()).arg(cancelRect.width()).arg(cancelRect.height())
                            .arg(viewport.x()).arg(viewport.y()).arg(viewport.width()).arg(viewport.height())));
    QVERIFY2(pages->verticalScrollBar()->maximum() == 0, "the order view must not scroll on the small laptop");
    test::saveScreenshot(window, QStringLiteral("small-laptop-order.png"));
    QTest::mouseClick(cancel, Qt::LeftButton); // no order left running
}

void TestWindowFit::idCardPageFits()
{
    // Verify ID card on the small laptop, the demo phone collapsed as it starts there: no horizontal
    // scrolling, and the scanner input (where the focus lands) and the outcome badge are in view without
    // scrolling. (With the phone shown, the pages scroll sideways: the window stays on the screen.)
    MainWindow *window = m_desk.window();
    if (window->demoPhonePanel()->isVisible())
        window->findChild<QAction *>(QStringLiteral("demoPhoneAction"))->trigger();
    QTRY_VERIFY(!window->demoPhonePanel()->isVisible());
    QTest::keyClick(window, Qt::Key_6, Qt::ControlModifier);
    QTRY_COMPARE(window->currentPage(), static_cast<QWidget *>(window->verifyIdCardPage()));
    QCoreApplication::processEvents();
    auto *pages = window->findChild<QScrollArea *>(QStringLiteral("pagesScrollArea"));
    QVERIFY(pages);
    test::saveScreenshot(window, QStringLiteral("small-laptop-id-card.png"));
    QVERIFY2(pages->horizontalScrollBar()->maximum() == 0,
             qPrintable(QStringLiteral("the ID card page must not scroll sideways: page minimum %1, viewport %2")
                            .arg(window->verifyIdCardPage()->minimumSizeHint().width())
                            .arg(pages->viewport()->width())));
    const QRect viewport(pages->viewport()->mapToGlobal(QPoint(0, 0)), pages->viewport()->size());
    for (QWidget *widget : std::initializer_list<QWidget *>{window->verifyIdCardPage()->scannerInput(),
                                                            window->verifyIdCardPage()->outcomeBadge()}) {
        const QRect rect(widget->mapToGlobal(QPoint(0, 0)), widget->size());
        QVERIFY2(viewport.contains(rect),
                 qPrintable(QStringLiteral("%1 at %2,%3 %4x%5, viewport %6,%7 %8x%9").arg(widget->objectName())
                                .arg(rect.x()).arg(rect.y()).arg(rect.width()).arg(rect.height())
                                .arg(viewport.x()).arg(viewport.y()).arg(viewport.width()).arg(viewport.height())));
    }
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window->verifyIdCardPage()->scannerInput()));
}

int main(int argc, char **argv)
{
    // A 1366x768 laptop screen at 150 %, before QApplication reads the environment.
    QTemporaryDir dir;
    if (!dir.isValid() || !test::useOffscreenScreen(QSize(1366, 768), 1.5, dir.path()))
        return 2;
    QApplication app(argc, argv);
    TestWindowFit test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestWindowFit.moc"
