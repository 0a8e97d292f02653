/* test-cli-report.c — sales-planner-cli report: the PDF meeting report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cli-runner.h"

static char *
make_demo (Fixture *fixture)
{
  g_autofree char *path = fixture_path (fixture, "demo.db");
  g_autoptr(CliResult) demo = run_cli (fixture, "demo", "--file", path, "--today", TODAY, NULL);

  g_assert_cmpint (demo->status, ==, 0);
  return g_steal_pointer (&path);
}

static char *
poppler (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autofree char *pdf = fixture_path (fixture, "report.pdf");
  g_autofree char *prefix = fixture_path (fixture, "page");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *expected = g_strdup_printf ("Wrote %s (7 pages)\n", pdf);
  g_autoptr(CliResult) result = NULL;
  g_autoptr(CliResult) again = NULL;
  g_autoptr(CliResult) breakdown = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *exists = NULL;

  /* Not broken down yet: the table says so. */
  result = run_cli (fixture, "report", "--file", db, "--year", "2026", "--today", TODAY,
                    "--output", pdf, NULL);
  assert_succeeded_with (result, expected);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  exists = g_strdup_printf ("The file “%s” already exists; use --force to replace it", pdf);
  again = run_cli (fixture, "report", "--file", db, "--year", "2026", "--output", pdf, NULL);
  assert_failed_with (again, exists);

  breakdown = run_cli (fixture, "breakdown", "--file", db, "--year", "2026", NULL);
  g_assert_cmpint (breakdown->status, ==, 0);
  g_clear_pointer (&result, cli_result_free);
  result = run_cli (fixture, "report", "--file", db, "--year", "2026", "--today", TODAY,
                    "--period", "quarter", "--output", pdf, "--force", NULL);
  g_assert_cmpint (result->status, ==, 0);

  if (pdftotext == NULL)
    {
      g_test_skip ("poppler-utils not installed");
      return;
    }
  info = poppler ((const char *[]) { "pdfinfo", pdf, NULL });
  g_assert_nonnull (strstr (info, "Pages:           7"));
  text = poppler ((const char *[]) { "pdftotext", "-layout", pdf, "-", NULL });
  g_assert_nonnull (strstr (text, "Sales plan, fiscal year 2026"));
  g_assert_nonnull (strstr (text, "Targets by region and quarter"));
  g_assert_nonnull (strstr (text, "华东区"));
  g_assert_nonnull (strstr (text, "Q4"));
  g_assert_nonnull (strstr (text, "Page 1 of 7"));
  g_assert_nonnull (strstr (text, "Page 7 of 7"));
  g_assert_nonnull (strstr (text, "Burn-up, fiscal year 2026"));
  g_free (poppler ((const char *[]) { "pdftoppm", "-png", "-r", "30", pdf, prefix, NULL }));
}

static void
test_report_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autofree char *pdf = fixture_path (fixture, "report.pdf");
  g_autoptr(CliResult) no_year = NULL;
  g_autoptr(CliResult) no_output = NULL;
  g_autoptr(CliResult) bad_period = NULL;
  g_autoptr(CliResult) not_pdf = NULL;
  g_autoptr(CliResult) unwritable = NULL;

  no_year = run_cli (fixture, "report", "--file", db, "--output", pdf, NULL);
  assert_usage_error (no_year, "Missing option --year");
  no_output = run_cli (fixture, "report", "--file", db, "--year", "2026", NULL);
  assert_usage_error (no_output, "Missing option --output");
  bad_period = run_cli (fixture, "report", "--file", db, "--year", "2026", "--period", "week",
                        "--output", pdf, NULL);
  assert_usage_error (bad_period, "Unknown period “week”: use month, quarter or year");
  not_pdf = run_cli (fixture, "report", "--file", db, "--year", "2026", "--output",
                     "report.png", NULL);
  assert_usage_error (not_pdf, "The report is a PDF: name “report.png” .pdf");
  unwritable = run_cli (fixture, "report", "--file", db, "--year", "2026", "--output",
                        "/nonexistent-dir/report.pdf", NULL);
  assert_failed_with (unwritable,
                      "Cannot write “/nonexistent-dir/report.pdf”: No such file or directory");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, (data), fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/report/success", test_report, NULL);
  ADD ("/cli/report/errors", test_report_errors, NULL);

#undef ADD

  return g_test_run ();
}
