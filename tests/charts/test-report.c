/* test-report.c — the PDF meeting report: pages, text and pictures, checked with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "sp-chart-text.h"
#include "sp-funnel-chart.h"
#include "sp-report.h"

static gboolean
have_poppler (void)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");

  if (pdfinfo == NULL || pdftotext == NULL || pdftoppm == NULL)
    {
      g_test_skip ("poppler-utils (pdfinfo, pdftotext, pdftoppm) not installed");
      return FALSE;
    }
  return TRUE;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run ((const char *[]) { "pdfinfo", path, NULL });
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + 6 + strspn (line + 6, " "), NULL, 10);
}

static char *
pdf_text (const char *path,
          int         first,
          int         last)
{
  g_autofree char *f = g_strdup_printf ("%d", first);
  g_autofree char *l = g_strdup_printf ("%d", last);

  return run ((const char *[]) { "pdftotext", "-f", f, "-l", l, path, "-", NULL });
}

static gboolean
draw_funnel_cb (cairo_t             *cr,
                const SpChartStyle  *style,
                double               width,
                double               height,
                gpointer             user_data,
                GError             **error)
{
  SpFunnelStage stages[3] = {
    { .label = "线索", .count = 120, .amount = 1e8, .conversion = -1, .mean_days = 3 },
    { .label = "商机", .count = 60, .amount = 5e7, .conversion = 0.5, .mean_days = 9 },
    { .label = "成交", .count = 20, .amount = 2e7, .conversion = 0.33, .mean_days = 15 },
  };
  SpFunnelData data = { 0 };

  g_assert_cmpstr (user_data, ==, "data");
  stages[0].conversion = stages[0].conversion < 0 ? 0.0 / 0.0 : stages[0].conversion;
  data.n_stages = 3;
  data.stages = stages;
  data.mode = SP_FUNNEL_MODE_COUNT;
  sp_funnel_chart_draw (cr, &data, style, width, height);
  return TRUE;
}

static gboolean
draw_fail_cb (cairo_t             *cr,
              const SpChartStyle  *style,
              double               width,
              double               height,
              gpointer             user_data,
              GError             **error)
{
  g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_IO, "no data today");
  return FALSE;
}

static SpReport *
sample_report (guint n_rows)
{
  SpReport *report = sp_report_new ("Sales plan, fiscal year 2026", "2026-01-01 – 2026-12-31");
  static const char * const headers[] = { "Month", "华东区", "Team" };
  static const gboolean numeric[] = { FALSE, TRUE, TRUE };
  SpReportTable *table;

  sp_report_add_figure (report, "Target", "¥12,000,000.00");
  sp_report_add_figure (report, "Sprint target", "¥13,800,000.00");
  table = sp_report_add_table (report, "Targets by region and month", 3, headers, numeric);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *label = g_strdup_printf ("Row %u", i + 1);
      g_autofree char *amount = g_strdup_printf ("%u,000.00", 1000 + i);

      sp_report_table_add_row (table, (const char *[]) { label, amount, amount });
    }
  sp_report_add_chart (report, "Sales funnel", draw_funnel_cb, g_strdup ("data"), g_free);
  return report;
}

static void
test_report_pages (void)
{
  g_autoptr(SpReport) report = sample_report (80);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-report-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *all = NULL;
  g_autofree char *prefix = NULL;
  guint n_pages;

  g_assert_no_error (error);
  path = g_build_filename (dir, "report.pdf", NULL);
  g_assert_true (sp_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  n_pages = sp_report_count_pages (report);
  /* 80 rows do not fit the cover page: the table runs onto a second; the chart has its own. */
  g_assert_cmpuint (n_pages, >=, 3);
  if (!have_poppler ())
    goto out;
  g_assert_cmpuint (pdf_pages (path), ==, n_pages);

  first = pdf_text (path, 1, 1);
  g_assert_nonnull (strstr (first, "Sales plan, fiscal year 2026"));
  g_assert_nonnull (strstr (first, "¥12,000,000.00"));
  g_assert_nonnull (strstr (first, "Page 1 of"));
  g_assert_nonnull (strstr (first, "华东区"));
  second = pdf_text (path, 2, 2);
  g_assert_nonnull (strstr (second, "Targets by region and month (continued)"));
  g_assert_nonnull (strstr (second, "Month"));
  g_assert_nonnull (strstr (second, "华东区"));
  g_assert_nonnull (strstr (second, "Page 2 of"));
  all = pdf_text (path, 1, (int) n_pages);
  g_assert_nonnull (strstr (all, "Row 80"));
  g_assert_nonnull (strstr (all, "成交"));

  /* Every page renders. */
  prefix = g_build_filename (dir, "page", NULL);
  g_free (run ((const char *[]) { "pdftoppm", "-png", "-r", "60", path, prefix, NULL }));
  if (g_getenv ("SP_REPORT_KEEP") != NULL)
    {
      g_test_message ("pages kept in %s", dir);
      return;
    }

out:
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }
}

static void
test_report_short (void)
{
  g_autoptr(SpReport) report = sp_report_new ("Empty", NULL);
  SpReportTable *table;

  table = sp_report_add_table (report, "Targets", 1, (const char *[]) { "" }, NULL);
  sp_report_table_set_note (table, "The plan has not been broken down yet.");
  g_assert_cmpuint (sp_report_count_pages (report), ==, 1);
  sp_report_add_chart (report, "Funnel", draw_funnel_cb, (gpointer) "data", NULL);
  g_assert_cmpuint (sp_report_count_pages (report), ==, 2);
}

static void
test_report_errors (void)
{
  g_autoptr(SpReport) report = sample_report (3);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);

  /* A chart that fails fails the report, and no file is left. */
  sp_report_add_chart (report, "Broken", draw_fail_cb, NULL, NULL);
  g_assert_false (sp_report_write_pdf (report, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_IO);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_clear_pointer (&report, sp_report_free);
  report = sample_report (3);
  g_assert_false (sp_report_write_pdf (report, "/nonexistent-dir/report.pdf", &error));
  g_assert_nonnull (error);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/pages", test_report_pages);
  g_test_add_func ("/report/short", test_report_short);
  g_test_add_func ("/report/errors", test_report_errors);
  return g_test_run ();
}
