/* sp-report.c — a multi-page PDF meeting report from plain data
 *
 * The pages are laid out twice with the same code: once without drawing to count them (for
 * "Page N of M"), then on a cairo PDF surface. Every piece of text is PangoCairo, measured
 * through the charts' measuring context so that the layout does not depend on the surface.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-charts"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-chart-text.h"
#include "sp-report.h"

/* A4 landscape in points. */
#define PAGE_WIDTH    841.89
#define PAGE_HEIGHT   595.28
#define MARGIN        36.0
#define CONTENT_TOP   (MARGIN + 30.0)
#define CONTENT_BOTTOM (PAGE_HEIGHT - MARGIN - 22.0)
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define CELL_PAD      6.0
#define REPORT_FONT_SCALE 0.62

static void
figure_free (gpointer data)
{
  SpReportFigure *figure = data;

  g_free (figure->label);
  g_free (figure->value);
  g_free (figure);
}

static void
table_free (gpointer data)
{
  SpReportTable *table = data;

  g_free (table->title);
  g_strfreev (table->headers);
  g_free (table->numeric);
  g_ptr_array_unref (table->rows);
  g_free (table->note);
  g_free (table);
}

static void
chart_free (gpointer data)
{
  SpReportChart *chart = data;

  if (chart->destroy != NULL)
    chart->destroy (chart->user_data);
  g_free (chart->title);
  g_free (chart);
}

SpReport *
sp_report_new (const char *title,
               const char *subtitle)
{
  SpReport *report = g_new0 (SpReport, 1);

  report->title = g_strdup (title != NULL ? title : "");
  report->subtitle = g_strdup (subtitle);
  report->figures = g_ptr_array_new_with_free_func (figure_free);
  report->tables = g_ptr_array_new_with_free_func (table_free);
  report->charts = g_ptr_array_new_with_free_func (chart_free);
  return report;
}

void
sp_report_free (SpReport *report)
{
  if (report == NULL)
    return;
  g_free (report->title);
  g_free (report->subtitle);
  g_ptr_array_unref (report->figures);
  g_ptr_array_unref (report->tables);
  g_ptr_array_unref (report->charts);
  g_free (report);
}

void
sp_report_add_figure (SpReport   *report,
                      const char *label,
                      const char *value)
{
  SpReportFigure *figure = g_new0 (SpReportFigure, 1);

  figure->label = g_strdup (label);
  figure->value = g_strdup (value);
  g_ptr_array_add (report->figures, figure);
}

SpReportTable *
sp_report_add_table (SpReport           *report,
                     const char         *title,
                     guint               n_columns,
                     const char * const *headers,
                     const gboolean     *numeric)
{
  SpReportTable *table = g_new0 (SpReportTable, 1);

  g_return_val_if_fail (n_columns > 0, NULL);

  table->title = g_strdup (title);
  table->n_columns = n_columns;
  table->headers = g_new0 (char *, n_columns + 1);
  table->numeric = g_new0 (gboolean, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->headers[i] = g_strdup (headers[i] != NULL ? headers[i] : "");
      table->numeric[i] = numeric != NULL && numeric[i];
    }
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (report->tables, table);
  return table;
}

void
sp_report_table_add_row (SpReportTable      *table,
                         const char * const *cells)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}

void
sp_report_table_set_note (SpReportTable *table,
                          const char    *note)
{
  g_free (table->note);
  table->note = g_strdup (note);
}

void
sp_report_add_chart (SpReport         *report,
                     const char       *title,
                     SpReportDrawFunc  draw,
                     gpointer          user_data,
                     GDestroyNotify    destroy)
{
  SpReportChart *chart = g_new0 (SpReportChart, 1);

  chart->title = g_strdup (title);
  chart->draw = draw;
  chart->user_data = user_data;
  chart->destroy = destroy;
  g_ptr_array_add (report->charts, chart);
}

/* Layout */

typedef struct
{
  const SpReport *report;
  cairo_t        *cr;        /* NULL while counting pages */
  PangoContext   *context;
  SpChartStyle    style;
  guint           page;      /* 1-based; 0 before the first */
  guint           n_pages;
  double          y;
} Layout;

typedef enum
{
  ALIGN_LEFT,
  ALIGN_CENTER,
  ALIGN_RIGHT,
} Align;

/* Places one line of @text in @font in the @width from @x; returns its height. */
static double
put_text (Layout             *layout,
          SpChartFont         font,
          const char         *text,
          double              x,
          double              y,
          double              width,
          Align               align,
          const SpChartColor *color)
{
  g_autoptr(PangoLayout) line = sp_chart_text_layout_new (layout->context, &layout->style, font,
                                                          text, width);
  double w, h;

  sp_chart_text_get_size (line, &w, &h);
  if (layout->cr != NULL)
    {
      if (align == ALIGN_RIGHT)
        x += width - w;
      else if (align == ALIGN_CENTER)
        x += (width - w) / 2;
      cairo_save (layout->cr);
      sp_chart_set_source_color (layout->cr, color);
      cairo_move_to (layout->cr, x, y);
      pango_cairo_show_layout (layout->cr, line);
      cairo_restore (layout->cr);
    }
  return h;
}

static double
text_width (Layout      *layout,
            SpChartFont  font,
            const char  *text)
{
  g_autoptr(PangoLayout) line = sp_chart_text_layout_new (layout->context, &layout->style, font,
                                                          text, 0);
  double w, h;

  sp_chart_text_get_size (line, &w, &h);
  return w;
}

static void
muted_color (Layout       *layout,
             SpChartColor *out)
{
  sp_chart_color_mix (&layout->style.foreground, &layout->style.background, 0.35, out);
}

static void
new_page (Layout *layout)
{
  SpChartColor muted;
  cairo_t *cr = layout->cr;

  if (cr != NULL && layout->page > 0)
    cairo_show_page (cr);
  layout->page++;
  layout->y = CONTENT_TOP;
  if (cr == NULL)
    return;

  muted_color (layout, &muted);
  cairo_save (cr);
  sp_chart_set_source_color (cr, &layout->style.background);
  cairo_paint (cr);
  cairo_restore (cr);

  /* Header: the report's title and subtitle, a rule under them; the cover has its own. */
  if (layout->page > 1)
    {
      put_text (layout, SP_CHART_FONT_SMALL, layout->report->title, MARGIN, MARGIN,
                CONTENT_WIDTH * 0.6, ALIGN_LEFT, &muted);
      if (layout->report->subtitle != NULL)
        put_text (layout, SP_CHART_FONT_SMALL, layout->report->subtitle,
                  MARGIN + CONTENT_WIDTH * 0.6, MARGIN, CONTENT_WIDTH * 0.4, ALIGN_RIGHT, &muted);
      cairo_save (cr);
      sp_chart_set_source_color (cr, &layout->style.muted);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN, MARGIN + 18.5);
      cairo_line_to (cr, PAGE_WIDTH - MARGIN, MARGIN + 18.5);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* Footer. */
  {
    /* TRANSLATORS: at the foot of each page of the PDF report */
    g_autofree char *text = g_strdup_printf (_("Page %u of %u"), layout->page, layout->n_pages);

    put_text (layout, SP_CHART_FONT_SMALL, text, MARGIN, PAGE_HEIGHT - MARGIN - 10,
              CONTENT_WIDTH, ALIGN_CENTER, &muted);
  }
}

static void
ensure_space (Layout *layout,
              double  height)
{
  if (layout->page == 0 || layout->y + height > CONTENT_BOTTOM)
    new_page (layout);
}

static void
lay_out_cover (Layout *layout)
{
  const SpReport *report = layout->report;
  SpChartColor muted;
  guint n = report->figures->len;

  muted_color (layout, &muted);
  new_page (layout);
  layout->y += put_text (layout, SP_CHART_FONT_FIGURE, report->title, MARGIN, layout->y,
                         CONTENT_WIDTH, ALIGN_LEFT, &layout->style.foreground);
  if (report->subtitle != NULL)
    layout->y += put_text (layout, SP_CHART_FONT_BODY, report->subtitle, MARGIN, layout->y + 2,
                           CONTENT_WIDTH, ALIGN_LEFT, &muted) + 2;
  layout->y += 14;

  if (n > 0)
    {
      double gap = 10, box_w = (CONTENT_WIDTH - gap * (n - 1)) / n;
      double label_h = sp_chart_text_line_height (layout->context, &layout->style,
                                                  SP_CHART_FONT_SMALL);
      double value_h = sp_chart_text_line_height (layout->context, &layout->style,
                                                  SP_CHART_FONT_TITLE);
      double box_h = label_h + value_h + 3 * CELL_PAD;

      for (guint i = 0; i < n; i++)
        {
          const SpReportFigure *figure = g_ptr_array_index (report->figures, i);
          double x = MARGIN + i * (box_w + gap);

          if (layout->cr != NULL)
            {
              SpChartColor fill;

              sp_chart_color_mix (&layout->style.background, &layout->style.muted, 0.25, &fill);
              cairo_save (layout->cr);
              sp_chart_set_source_color (layout->cr, &fill);
              cairo_rectangle (layout->cr, x, layout->y, box_w, box_h);
              cairo_fill (layout->cr);
              cairo_restore (layout->cr);
            }
          put_text (layout, SP_CHART_FONT_SMALL, figure->label, x + CELL_PAD * 1.5,
                    layout->y + CELL_PAD, box_w - 3 * CELL_PAD, ALIGN_LEFT, &muted);
          put_text (layout, SP_CHART_FONT_TITLE, figure->value, x + CELL_PAD * 1.5,
                    layout->y + 2 * CELL_PAD + label_h, box_w - 3 * CELL_PAD, ALIGN_LEFT,
                    &layout->style.foreground);
        }
      layout->y += box_h + 20;
    }
}

static void
put_row (Layout       *layout,
         char * const *cells,
         const double *widths,
         const gboolean *numeric,
         guint         n_columns,
         SpChartFont   font,
         double        row_h,
         const SpChartColor *fill)
{
  double x = MARGIN;

  if (layout->cr != NULL && fill != NULL)
    {
      double total = 0;

      for (guint c = 0; c < n_columns; c++)
        total += widths[c];
      cairo_save (layout->cr);
      sp_chart_set_source_color (layout->cr, fill);
      cairo_rectangle (layout->cr, MARGIN, layout->y, total, row_h);
      cairo_fill (layout->cr);
      cairo_restore (layout->cr);
    }
  for (guint c = 0; c < n_columns; c++)
    {
      put_text (layout, font, cells[c], x + CELL_PAD, layout->y + CELL_PAD / 2,
                widths[c] - 2 * CELL_PAD, numeric[c] ? ALIGN_RIGHT : ALIGN_LEFT,
                &layout->style.foreground);
      x += widths[c];
    }
  layout->y += row_h;
}

static void
put_table_title (Layout              *layout,
                 const SpReportTable *table,
                 gboolean             continued)
{
  g_autofree char *text = NULL;

  if (table->title == NULL)
    return;
  /* TRANSLATORS: a table's title on the next page, "Targets by month (continued)" */
  text = continued ? g_strdup_printf (_("%s (continued)"), table->title) : g_strdup (table->title);
  layout->y += put_text (layout, SP_CHART_FONT_TITLE, text, MARGIN, layout->y, CONTENT_WIDTH,
                         ALIGN_LEFT, &layout->style.foreground) + 6;
}

static void
lay_out_table (Layout              *layout,
               const SpReportTable *table)
{
  g_autofree double *widths = g_new0 (double, table->n_columns);
  double title_h = sp_chart_text_line_height (layout->context, &layout->style,
                                              SP_CHART_FONT_TITLE) + 6;
  double row_h = sp_chart_text_line_height (layout->context, &layout->style,
                                            SP_CHART_FONT_BODY) + CELL_PAD;
  double total = 0;
  SpChartColor header_fill, stripe, muted;

  sp_chart_color_mix (&layout->style.background, &layout->style.muted, 0.45, &header_fill);
  sp_chart_color_mix (&layout->style.background, &layout->style.muted, 0.12, &stripe);
  muted_color (layout, &muted);

  for (guint c = 0; c < table->n_columns; c++)
    {
      widths[c] = text_width (layout, SP_CHART_FONT_VALUE, table->headers[c]);
      for (guint r = 0; r < table->rows->len; r++)
        {
          char **row = g_ptr_array_index (table->rows, r);

          widths[c] = MAX (widths[c], text_width (layout, SP_CHART_FONT_BODY, row[c]));
        }
      widths[c] += 2 * CELL_PAD + 4;
      total += widths[c];
    }
  if (total > CONTENT_WIDTH)
    for (guint c = 0; c < table->n_columns; c++)
      widths[c] *= CONTENT_WIDTH / total;

  /* The title, the header and two rows stay together. */
  ensure_space (layout, title_h + row_h * 3 + 12);
  if (layout->y > CONTENT_TOP)
    layout->y += 12;
  put_table_title (layout, table, FALSE);
  if (table->note != NULL)
    layout->y += put_text (layout, SP_CHART_FONT_BODY, table->note, MARGIN, layout->y,
                           CONTENT_WIDTH, ALIGN_LEFT, &muted) + 6;
  if (table->rows->len == 0)
    return;
  put_row (layout, table->headers, widths, table->numeric, table->n_columns,
           SP_CHART_FONT_VALUE, row_h, &header_fill);
  for (guint r = 0; r < table->rows->len; r++)
    {
      if (layout->y + row_h > CONTENT_BOTTOM)
        {
          new_page (layout);
          put_table_title (layout, table, TRUE);
          put_row (layout, table->headers, widths, table->numeric, table->n_columns,
                   SP_CHART_FONT_VALUE, row_h, &header_fill);
        }
      put_row (layout, g_ptr_array_index (table->rows, r), widths, table->numeric,
               table->n_columns, SP_CHART_FONT_BODY, row_h, r % 2 == 1 ? &stripe : NULL);
    }
}

static gboolean
lay_out_chart (Layout              *layout,
               const SpReportChart *chart,
               GError             **error)
{
  double height;
  gboolean ok = TRUE;

  new_page (layout);
  if (chart->title != NULL)
    layout->y += put_text (layout, SP_CHART_FONT_TITLE, chart->title, MARGIN, layout->y,
                           CONTENT_WIDTH, ALIGN_LEFT, &layout->style.foreground) + 10;
  height = CONTENT_BOTTOM - layout->y;
  if (layout->cr != NULL && chart->draw != NULL)
    {
      cairo_save (layout->cr);
      cairo_translate (layout->cr, MARGIN, layout->y);
      cairo_rectangle (layout->cr, 0, 0, CONTENT_WIDTH, height);
      cairo_clip (layout->cr);
      ok = chart->draw (layout->cr, &layout->style, CONTENT_WIDTH, height, chart->user_data,
                        error);
      cairo_restore (layout->cr);
    }
  layout->y = CONTENT_BOTTOM;
  return ok;
}

static gboolean
lay_out (Layout   *layout,
         GError  **error)
{
  lay_out_cover (layout);
  for (guint i = 0; i < layout->report->tables->len; i++)
    lay_out_table (layout, g_ptr_array_index (layout->report->tables, i));
  for (guint i = 0; i < layout->report->charts->len; i++)
    if (!lay_out_chart (layout, g_ptr_array_index (layout->report->charts, i), error))
      return FALSE;
  return TRUE;
}

static void
layout_init (Layout         *layout,
             const SpReport *report)
{
  memset (layout, 0, sizeof *layout);
  layout->report = report;
  layout->context = sp_chart_text_context_new ();
  sp_chart_style_init (&layout->style, SP_CHART_PALETTE_LIGHT);
  layout->style.font_scale = REPORT_FONT_SCALE;
  layout->style.line_width *= REPORT_FONT_SCALE;
}

guint
sp_report_count_pages (const SpReport *report)
{
  Layout layout;

  g_return_val_if_fail (report != NULL, 0);

  layout_init (&layout, report);
  lay_out (&layout, NULL);
  g_object_unref (layout.context);
  return layout.page;
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
sp_report_write_pdf (const SpReport  *report,
                     const char      *path,
                     GError         **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  Layout layout;
  gboolean ok;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Say which file cannot be written, not which temporary file next to it. */
  {
    g_autofree char *dir = g_path_get_dirname (path);

    if (g_access (dir, W_OK) != 0)
      {
        int saved_errno = errno;

        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                     _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
        return FALSE;
      }
  }

  layout_init (&layout, report);
  lay_out (&layout, NULL);
  layout.n_pages = layout.page;
  layout.page = 0;

  surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
  layout.cr = cairo_create (surface);
  ok = lay_out (&layout, error);
  status = cairo_status (layout.cr);
  cairo_destroy (layout.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_object_unref (layout.context);
  if (!ok)
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Could not draw the report: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return g_file_set_contents (path, (const char *) bytes->data, (gssize) bytes->len, error);
}
