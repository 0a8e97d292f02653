/* test-plan.c — plans: the year's team-wide plan is the one without a team name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-model.h"
#include "sp-test-utils.h"

static void
test_plan_find_for_year (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  g_autoptr(SpPlan) plan = NULL;
  gint64 team_wide;

  g_assert_no_error (error);
  /* A team's own plan is not the year's plan. */
  g_assert_cmpint (sp_plan_add (store, 2026, "Key accounts", 500000, &error), >, 0);
  g_assert_no_error (error);
  plan = sp_plan_find_for_year (store, 2026, &error);
  g_assert_no_error (error);
  g_assert_null (plan);

  team_wide = sp_plan_add (store, 2026, "", 4000000, &error);
  g_assert_cmpint (sp_plan_add (store, 2025, "", 3000000, &error), >, 0);
  g_assert_no_error (error);
  plan = sp_plan_find_for_year (store, 2026, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpint (sp_plan_get_id (plan), ==, team_wide);
  g_assert_cmpint (sp_plan_get_target (plan), ==, 4000000);
  g_clear_object (&plan);

  plan = sp_plan_find_for_year (store, 2027, &error);
  g_assert_no_error (error);
  g_assert_null (plan);

  g_clear_object (&store);
  sp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/find-for-year", test_plan_find_for_year);

  return g_test_run ();
}
