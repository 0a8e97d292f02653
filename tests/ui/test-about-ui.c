/* test-about-ui.c — app.about shows the About window built from the metainfo: its summary,
 * version, release notes, homepage and bug tracker, in the UI language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-about-ui"

#include "config.h"

#include <string.h>

#include "sp-model.h"

#include "sp-application.h"

#include "sp-ui-test-utils.h"

static SpUiFixture fixture;

static gboolean
chinese (void)
{
  return g_strcmp0 (g_getenv ("LANGUAGE"), "zh_CN") == 0;
}

static void
test_about (void)
{
  GtkWindow *about = NULL;
  const char *notes;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  g_action_group_activate_action (G_ACTION_GROUP (fixture.app), "about", NULL);
  for (guint i = 0; i < 500 && about == NULL; i++)
    {
      sp_ui_spin (10);
      about = sp_ui_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
    }
  g_assert_nonnull (about);

  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, VERSION);
  g_assert_cmpstr (adw_about_window_get_release_notes_version (ADW_ABOUT_WINDOW (about)), ==,
                   VERSION);
  g_assert_cmpstr (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)), ==,
                   "https://example.com/sales-planner");
  g_assert_cmpstr (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (about)), ==,
                   "https://example.com/sales-planner/sales-planner/issues");
  g_assert_cmpstr (adw_about_window_get_developer_name (ADW_ABOUT_WINDOW (about)), ==,
                   "Sales Planner developers");
  notes = adw_about_window_get_release_notes (ADW_ABOUT_WINDOW (about));
  if (chinese ())
    {
      g_assert_cmpstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)), ==,
                       "制定并跟进销售目标");
      g_assert_true (g_str_has_prefix (notes, "<p>首个版本，提供英文和简体中文：</p><ul><li>"));
      g_assert_nonnull (strstr (notes, "<li>sales-planner-cli，附带 man 手册页和 bash 补全</li></ul>"));
    }
  else
    {
      g_assert_cmpstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)), ==,
                       "Set sales targets and follow them");
      g_assert_true (g_str_has_prefix (notes, "<p>The first release, in English and Chinese "
                                              "(Simplified):</p><ul><li>Targets: "));
      g_assert_nonnull (strstr (notes, "<li>.salesplan files open from Files: as a workspace, "
                                       "or imported into the current one</li>"));
      g_assert_true (g_str_has_suffix (notes, "bash completion</li></ul>"));
    }
  /* What does not exist is not announced. */
  g_assert_null (strstr (notes, "Meeting"));
  g_assert_null (strstr (notes, "会议计划"));

  gtk_window_destroy (about);
}

static void
setup (void)
{
  sp_ui_fixture_open (&fixture, "sp-about-XXXXXX", FALSE);
  gtk_window_present (GTK_WINDOW (fixture.window));
}

int
main (int   argc,
      char *argv[])
{
  sp_ui_test_init (&fixture, &argc, &argv);
  g_test_add_func ("/about-ui/from-metainfo", test_about);
  return sp_ui_test_run (&fixture, setup);
}
