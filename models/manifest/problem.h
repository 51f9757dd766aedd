#pragma once

#include <QList>
#include <QString>

namespace Fluxdesk {

// One entry of the Problems list: a parse error, a lint finding or something a clean could not fix.
struct Problem
{
    enum class Severity
    {
        Error,
        Warning,
        Info
    };
    Severity severity = Severity::Warning;
    QString file;
    int line = 0;   // 1-based, 0 when unknown
    int column = 0; // 1-based, 0 when unknown
    QString message;
    QString rule; // stable id, e.g. "deprecated-api", "image-latest", "parse-error"
    // Who reported it, for lists that several reporters fill: "" the editor's linter, "plan" the
    // repository plan. ProblemModel replaces a file's problems per origin.
    QString origin;

    // "FILE:LINE:COL: severity: message" (the CLI's lint format).
    QString toString() const;
};

QString severityName(Problem::Severity severity); // "error", "warning", "info"

} // namespace Fluxdesk
