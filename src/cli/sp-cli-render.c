/* sp-cli-render.c — the render command: a dashboard chart to PNG, SVG or PDF
 *
 * Each chart is drawn by the charts library's draw function, the one the app's widgets and
 * printing use, from the data sp-chart-sources builds for the Dashboard and Funnel pages, for
 * one fiscal year (sp-report-builder.c, shared with the report command and the app's Export
 * Report).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "sp-chart-style.h"
#include "sp-cli-private.h"
#include "sp-report-builder.h"

typedef enum
{
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} OutputFormat;

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
parse_size (const char  *option,
            const char  *text,
            int         *out,
            GError     **error)
{
  guint64 value;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 16, 16384, &value, NULL))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Invalid size “%s” for %s: expected 16 to 16384 pixels"), text, option);
      return FALSE;
    }
  *out = (int) value;
  return TRUE;
}

gboolean
sp_cli_run_render (SpCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *output = NULL;
  g_autofree char *width_text = NULL;
  g_autofree char *height_text = NULL;
  g_autofree char *style_text = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpReportSource) source = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  gboolean force = FALSE, help_shown;
  SpReportChartKind kind;
  GDate today;
  int year = 0;
  OutputFormat format;
  SpChartPaletteKind palette = SP_CHART_PALETTE_LIGHT;
  SpChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int width = 1920, height = 1080;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The image to write: .png, .svg or .pdf"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &width_text, N_("Width in pixels (default 1920)"),
      N_("PIXELS") },
    { "height", 0, 0, G_OPTION_ARG_STRING, &height_text, N_("Height in pixels (default 1080)"),
      N_("PIXELS") },
    { "style", 's', 0, G_OPTION_ARG_STRING, &style_text,
      N_("light (default), dark, high-contrast or projector"), N_("STYLE") },
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year_text,
      N_("The fiscal year (default: the current one)"), N_("YEAR") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The day the burn-up has reached (default: today)"), N_("YYYY-MM-DD") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 1, 1, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;

  if (!sp_report_chart_kind_from_string (args[0], &kind))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown chart “%s”: use funnel, attainment, burnup, ranking, heatmap or "
                     "kpis"), args[0]);
      return FALSE;
    }
  if (output == NULL)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("Missing option %s"), "--output");
      return FALSE;
    }
  lower = g_ascii_strdown (output, -1);
  if (g_str_has_suffix (lower, ".png"))
    format = FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    format = FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    format = FORMAT_PDF;
  else
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Cannot tell the image format of “%s”: name it .png, .svg or .pdf"), output);
      return FALSE;
    }
  if (!parse_size ("--width", width_text, &width, error)
      || !parse_size ("--height", height_text, &height, error))
    return FALSE;
  if (style_text != NULL && !sp_chart_palette_from_string (style_text, &palette))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown style “%s”: use light, dark, high-contrast or projector"),
                   style_text);
      return FALSE;
    }
  g_date_clear (&today, 1);
  if (today_text != NULL && !sp_date_parse_iso (today_text, &today))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Invalid date “%s”: expected YYYY-MM-DD"), today_text);
      return FALSE;
    }
  if (year_text != NULL && !sp_cli_parse_year ("--year", year_text, &year, error))
    return FALSE;
  if (!force && g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_EXISTS,
                   _("The file “%s” already exists; use --force to replace it"), output);
      return FALSE;
    }

  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    return FALSE;
  /* year 0 and today invalid: the current fiscal year, today. */
  source = sp_report_source_new (store, year, &today);
  title = sp_report_chart_get_title (kind, sp_report_source_get_year (source));

  sp_chart_style_init (&style, palette);

  switch (format)
    {
    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_cb, bytes, width, height);
      break;
    case FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, width, height);
      break;
    case FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    }
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, style.background.red, style.background.green, style.background.blue);
  cairo_paint (cr);
  ok = sp_report_source_draw_chart (source, kind, kind == SP_REPORT_CHART_KPIS ? NULL : title,
                                    cr, &style, width, height, error);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (ok && status == CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_flush (surface);
      if (format == FORMAT_PNG)
        status = cairo_surface_write_to_png_stream (surface, append_cb, bytes);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the chart: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  /* Written at once (a temporary file renamed over @output): never half an image. */
  if (!g_file_set_contents (output, (const char *) bytes->data, (gssize) bytes->len, error))
    return FALSE;
  g_print (_("Wrote %s (%d × %d)"), output, width, height);
  g_print ("\n");
  return TRUE;
}
