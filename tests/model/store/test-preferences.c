/* test-preferences.c — workspace preferences: defaults, validation, undo, holidays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-model.h"
#include "sp-test-utils.h"

typedef struct
{
  char          *dir;
  SpStore       *store;
  SpPreferences *prefs;
  guint          notified;
} Fixture;

static void
notify_cb (SpPreferences *prefs,
           GParamSpec    *pspec,
           Fixture       *fixture)
{
  fixture->notified++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = sp_test_make_dir ();
  path = g_build_filename (fixture->dir, "w.db", NULL);
  fixture->store = sp_store_open (path, &error);
  g_assert_no_error (error);
  fixture->prefs = sp_preferences_new (fixture->store);
  g_signal_connect (fixture->prefs, "notify::currency", G_CALLBACK (notify_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->prefs);
  g_clear_object (&fixture->store);
  sp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
test_preferences_defaults (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) holidays = sp_preferences_list_holidays (fixture->prefs);

  g_assert_cmpstr (sp_preferences_get_currency (fixture->prefs)->code, ==, "CNY");
  g_assert_cmpint (sp_preferences_get_fiscal_start_month (fixture->prefs), ==, G_DATE_JANUARY);
  g_assert_cmpint (sp_preferences_get_week_start (fixture->prefs), ==, G_DATE_MONDAY);
  g_assert_cmpuint (sp_preferences_get_working_days (fixture->prefs), ==, SP_WORKING_DAYS_MON_FRI);
  g_assert_cmpuint (holidays->len, ==, 0);
  g_assert_false (sp_store_can_undo (fixture->store));
}

static void
test_preferences_set_and_undo (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;

  g_assert_true (sp_preferences_set_currency (fixture->prefs, "USD", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sp_preferences_get_currency (fixture->prefs)->code, ==, "USD");
  g_assert_cmpuint (fixture->notified, ==, 1);
  g_object_get (fixture->prefs, "currency", &currency, NULL);
  g_assert_cmpstr (currency, ==, "USD");

  g_assert_true (sp_preferences_set_fiscal_start_month (fixture->prefs, G_DATE_APRIL, &error));
  g_assert_true (sp_preferences_set_week_start (fixture->prefs, G_DATE_SUNDAY, &error));
  g_assert_true (sp_preferences_set_working_days (fixture->prefs, 0x3f, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_preferences_get_fiscal_start_month (fixture->prefs), ==, G_DATE_APRIL);
  g_assert_cmpint (sp_preferences_get_week_start (fixture->prefs), ==, G_DATE_SUNDAY);
  g_assert_cmpuint (sp_preferences_get_working_days (fixture->prefs), ==, 0x3f);

  g_assert_true (sp_store_undo (fixture->store, &error));
  g_assert_cmpuint (sp_preferences_get_working_days (fixture->prefs), ==, SP_WORKING_DAYS_MON_FRI);
  g_assert_true (sp_store_undo (fixture->store, &error));
  g_assert_true (sp_store_undo (fixture->store, &error));
  g_assert_true (sp_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sp_preferences_get_currency (fixture->prefs)->code, ==, "CNY");
  g_assert_cmpint (sp_preferences_get_fiscal_start_month (fixture->prefs), ==, G_DATE_JANUARY);
}

static void
test_preferences_invalid (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_preferences_set_currency (fixture->prefs, "XYZ", &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "XYZ"));
  g_clear_error (&error);
  g_assert_false (sp_preferences_set_fiscal_start_month (fixture->prefs, 13, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sp_preferences_set_week_start (fixture->prefs, 0, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sp_preferences_set_working_days (fixture->prefs, 0, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing was written. */
  g_assert_false (sp_store_can_undo (fixture->store));
}

static void
test_preferences_holidays (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) holidays = NULL;
  g_autoptr(SpCalendar) calendar = NULL;
  GDate national, spring, first, last;

  g_date_clear (&national, 1);
  g_date_set_dmy (&national, 1, G_DATE_OCTOBER, 2026);
  g_date_clear (&spring, 1);
  g_date_set_dmy (&spring, 17, G_DATE_FEBRUARY, 2026);

  g_assert_true (sp_preferences_add_holiday (fixture->prefs, &national, "国庆节", &error));
  g_assert_true (sp_preferences_add_holiday (fixture->prefs, &spring, "春节", &error));
  g_assert_no_error (error);

  holidays = sp_preferences_list_holidays (fixture->prefs);
  g_assert_cmpuint (holidays->len, ==, 2);
  g_assert_cmpstr (((SpHoliday *) g_ptr_array_index (holidays, 0))->date, ==, "2026-02-17");
  g_assert_cmpstr (((SpHoliday *) g_ptr_array_index (holidays, 1))->name, ==, "国庆节");

  /* The calendar built from the preferences skips the holidays. 2026-02: 20 weekdays. */
  calendar = sp_preferences_dup_calendar (fixture->prefs);
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, G_DATE_FEBRUARY, 2026);
  g_date_set_dmy (&last, 28, G_DATE_FEBRUARY, 2026);
  g_assert_cmpuint (sp_calendar_count_working_days (calendar, &first, &last), ==, 19);

  g_assert_true (sp_preferences_remove_holiday (fixture->prefs, &spring, &error));
  g_clear_pointer (&holidays, g_ptr_array_unref);
  holidays = sp_preferences_list_holidays (fixture->prefs);
  g_assert_cmpuint (holidays->len, ==, 1);

  g_assert_true (sp_store_undo (fixture->store, &error));
  g_clear_pointer (&holidays, g_ptr_array_unref);
  holidays = sp_preferences_list_holidays (fixture->prefs);
  g_assert_cmpuint (holidays->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/preferences/defaults", test_preferences_defaults);
  ADD ("/preferences/set-and-undo", test_preferences_set_and_undo);
  ADD ("/preferences/invalid", test_preferences_invalid);
  ADD ("/preferences/holidays", test_preferences_holidays);
#undef ADD

  return g_test_run ();
}
