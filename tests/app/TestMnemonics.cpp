// Every keyboard shortcut visible together in the main window is unique (issue 9, finding 1): in each
// language, for each task page with the demo phone docked, the mnemonics (&X) of the visible buttons,
// labels with a buddy, group boxes, tabs and menu bar titles, and the shortcuts of the visible QShortcuts
// and QActions, must not share a key. Two widgets on Alt+L make Qt cycle focus between them instead of
// activating either, so a collision silently breaks the keyboard path.

#include "DeskFixture.h"
#include "MainWindow.h"
#include "Translations.h"

#include <QAbstractButton>
#include <QAction>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QShortcut>
#include <QTabBar>
#include <QTest>

#include <map>

using namespace bankid;

class TestMnemonics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void noDuplicateShortcuts_data();
    void noDuplicateShortcuts();

private:
    test::DeskFixture m_desk;
};

namespace {

/// Who owns a key: "QPushButton loginPushButton “&Log in with BankID”".
QString describe(const QObject *owner, const QString &text)
{
    return QStringLiteral("%1 %2 “%3”").arg(QString::fromLatin1(owner->metaObject()->className()),
                                            owner->objectName(), text);
}

/// The keys in use now in `window`, each with every owner; a key with two owners is a collision.
class KeyCollector
{
public:
    void addMnemonic(const QObject *owner, const QString &text)
    {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty())
            m_owners[key.toString(QKeySequence::PortableText)] << describe(owner, text);
    }

    void addShortcut(const QObject *owner, const QKeySequence &key, const QString &text)
    {
        if (!key.isEmpty())
            m_owners[key.toString(QKeySequence::PortableText)] << describe(owner, text);
    }

    /// "Alt+L: A, B" for every key with more than one owner.
    QStringList collisions() const
    {
        QStringList result;
        for (const auto &[key, owners] : m_owners) {
            if (owners.size() > 1)
                result << key + QStringLiteral(": ") + owners.join(QStringLiteral(", "));
        }
        return result;
    }

    int keyCount() const { return int(m_owners.size()); }

private:
    std::map<QString, QStringList> m_owners;
};

/// A shortcut of an action works while one of its widgets is shown: a visible widget, or a menu reachable
/// from the window's menu bar (menus are shown only on demand, their shortcuts work anyway).
bool actionIsLive(const QAction *action, const QMenuBar *menuBar)
{
    if (!action->isVisible())
        return false;
    const QList<QObject *> owners = action->associatedObjects();
    for (QObject *object : owners) {
        if (auto *menu = qobject_cast<QMenu *>(object)) {
            for (QAction *menuAction = menu->menuAction(); menuAction;) {
                const QList<QObject *> parents = menuAction->associatedObjects();
                if (parents.contains(const_cast<QMenuBar *>(menuBar)))
                    return true;
                QAction *next = nullptr;
                for (QObject *parent : parents) {
                    if (auto *parentMenu = qobject_cast<QMenu *>(parent))
                        next = parentMenu->menuAction();
                }
                menuAction = next;
            }
        } else if (auto *widget = qobject_cast<QWidget *>(object); widget && widget->isVisible()) {
            return true;
        }
    }
    return false;
}

void collect(QMainWindow *window, KeyCollector *keys)
{
    const QMenuBar *menuBar = window->menuBar();
    for (QAction *action : menuBar->actions()) {
        if (action->isVisible())
            keys->addMnemonic(action, action->text());
    }
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (button->isVisible())
            keys->addMnemonic(button, button->text());
    }
    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (label->isVisible() && label->buddy())
            keys->addMnemonic(label, label->text());
    }
    for (QGroupBox *box : window->findChildren<QGroupBox *>()) {
        if (box->isVisible())
            keys->addMnemonic(box, box->title());
    }
    for (QTabBar *tabs : window->findChildren<QTabBar *>()) {
        if (!tabs->isVisible())
            continue;
        for (int index = 0; index < tabs->count(); ++index) {
            if (tabs->isTabVisible(index))
                keys->addMnemonic(tabs, tabs->tabText(index));
        }
    }
    for (QShortcut *shortcut : window->findChildren<QShortcut *>()) {
        auto *parent = qobject_cast<QWidget *>(shortcut->parent());
        if (!shortcut->isEnabled() || (parent && !parent->isVisible()))
            continue;
        for (const QKeySequence &key : shortcut->keys())
            keys->addShortcut(shortcut, key, key.toString());
    }
    for (QAction *action : window->findChildren<QAction *>()) {
        if (!actionIsLive(action, menuBar))
            continue;
        for (const QKeySequence &key : action->shortcuts())
            keys->addShortcut(action, key, action->text());
    }
}

} // namespace

void TestMnemonics::initTestCase()
{
    const QString error = m_desk.setUp();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestMnemonics::cleanupTestCase()
{
    Translations::remove();
    m_desk.tearDown();
}

void TestMnemonics::init()
{
    const QString error = m_desk.openWindow(QSize(1100, 720));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestMnemonics::cleanup()
{
    m_desk.closeWindow();
}

void TestMnemonics::noDuplicateShortcuts_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("task");
    const QString languages[] = {QStringLiteral("en"), QStringLiteral("sv")};
    for (const QString &language : languages) {
        for (int task = 0; task < MainWindow::TaskCount; ++task)
            QTest::addRow("%s-task%d", qPrintable(language), task + 1) << language << task;
    }
}

void TestMnemonics::noDuplicateShortcuts()
{
    QFETCH(QString, language);
    QFETCH(int, task);
    MainWindow *window = m_desk.window();
    window->setLanguage(language);
    QCOMPARE(Translations::installedLanguage(), language == QLatin1String("sv") ? QLocale::Swedish : QLocale::English);
    QCoreApplication::processEvents(); // LanguageChange is posted
    // The compiled catalogue is the one read: a stale or missing one would test English twice.
    QCOMPARE(window->menuBar()->actions().first()->text(),
             language == QLatin1String("sv") ? QStringLiteral("&Arkiv") : QStringLiteral("&File"));
    window->showTask(static_cast<MainWindow::Task>(task));
    QVERIFY(window->demoPhonePanel() && window->demoPhonePanel()->isVisible());

    KeyCollector keys;
    collect(window, &keys);
    QVERIFY2(keys.keyCount() > 10, "too few keys found: the collector misses the window's widgets");
    const QStringList collisions = keys.collisions();
    QVERIFY2(collisions.isEmpty(), qPrintable(QStringLiteral("\n") + collisions.join(QLatin1Char('\n'))));
    window->setLanguage(QStringLiteral("en"));
}

QTEST_MAIN(TestMnemonics)
#include "TestMnemonics.moc"
