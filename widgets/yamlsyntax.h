#pragma once

class QObject;
class QPalette;
class QTextDocument;

namespace Fluxdesk {

// True for a palette whose text background is dark (the highlighter picks its dark theme).
bool isDarkPalette(const QPalette &palette);

// Highlights YAML in document, owned by the document: KSyntaxHighlighting's YAML definition in
// the light or dark theme where the build has it (one definition repository for the whole app),
// else Fluxdesk's built-in YamlHighlighter.
QObject *createYamlHighlighter(QTextDocument *document, const QPalette &palette);

} // namespace Fluxdesk
