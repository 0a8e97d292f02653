/* sp-report.h — a multi-page PDF meeting report from plain data
 *
 * A report is a title, a subtitle, a row of key figures, tables and charts. It is written on
 * A4 landscape pages with a header on each page and "Page N of M" at the foot; tables split
 * across pages with their header row repeated; each chart gets a page of its own and is drawn
 * by a callback (the charts library's draw functions) in the light palette.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "sp-chart-style.h"

G_BEGIN_DECLS

/* Draws one chart in (0, 0, @width, @height); FALSE with @error on failure. */
typedef gboolean (*SpReportDrawFunc) (cairo_t             *cr,
                                      const SpChartStyle  *style,
                                      double               width,
                                      double               height,
                                      gpointer             user_data,
                                      GError             **error);

typedef struct
{
  char *label;                /* "Target" */
  char *value;                /* "¥12,000,000.00" */
} SpReportFigure;

typedef struct
{
  char      *title;
  guint      n_columns;
  char     **headers;         /* n_columns */
  gboolean  *numeric;         /* n_columns: right-aligned */
  GPtrArray *rows;            /* of char ** (n_columns strings each) */
  char      *note;            /* shown under the title, e.g. why the table is empty; or NULL */
} SpReportTable;

typedef struct
{
  char             *title;
  SpReportDrawFunc  draw;
  gpointer          user_data;
  GDestroyNotify    destroy;
} SpReportChart;

typedef struct
{
  char      *title;
  char      *subtitle;        /* or NULL */
  GPtrArray *figures;         /* of SpReportFigure */
  GPtrArray *tables;          /* of SpReportTable */
  GPtrArray *charts;          /* of SpReportChart */
} SpReport;

SpReport      *sp_report_new          (const char        *title,
                                       const char        *subtitle);
void           sp_report_free         (SpReport          *report);
void           sp_report_add_figure   (SpReport          *report,
                                       const char        *label,
                                       const char        *value);
/* @headers has @n_columns strings; @numeric (may be NULL: none) whether each is a number
 * column (right-aligned). The table belongs to @report. */
SpReportTable *sp_report_add_table    (SpReport          *report,
                                       const char        *title,
                                       guint              n_columns,
                                       const char * const *headers,
                                       const gboolean    *numeric);
/* @cells has the table's n_columns strings (NULL counts as ""). */
void           sp_report_table_add_row (SpReportTable    *table,
                                        const char * const *cells);
void           sp_report_table_set_note (SpReportTable   *table,
                                         const char      *note);
/* @destroy (may be NULL) frees @user_data with the report. */
void           sp_report_add_chart    (SpReport          *report,
                                       const char        *title,
                                       SpReportDrawFunc   draw,
                                       gpointer           user_data,
                                       GDestroyNotify     destroy);

/* The number of pages sp_report_write_pdf() writes. */
guint          sp_report_count_pages  (const SpReport    *report);
/* Writes @report to @path at once (never half a file). */
gboolean       sp_report_write_pdf    (const SpReport    *report,
                                       const char        *path,
                                       GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpReport, sp_report_free)

G_END_DECLS
