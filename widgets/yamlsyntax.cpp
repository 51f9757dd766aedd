#include "yamlsyntax.h"

#include "yamlhighlighter.h"

#include <QPalette>
#include <QTextDocument>

#ifdef FLUXDESK_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace Fluxdesk {

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QObject *createYamlHighlighter(QTextDocument *document, const QPalette &palette)
{
#ifdef FLUXDESK_HAVE_KSYNTAXHIGHLIGHTING
    // Loading the definitions is costly: once for every view and editor.
    static KSyntaxHighlighting::Repository repository;
    const auto definition = repository.definitionForName(QStringLiteral("YAML"));
    if (definition.isValid()) {
        auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
        highlighter->setDefinition(definition);
        highlighter->setTheme(repository.defaultTheme(
            isDarkPalette(palette) ? KSyntaxHighlighting::Repository::DarkTheme
                                   : KSyntaxHighlighting::Repository::LightTheme));
        return highlighter;
    }
#endif
    return new YamlHighlighter(document, isDarkPalette(palette));
}

} // namespace Fluxdesk
