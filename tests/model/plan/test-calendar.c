/* test-calendar.c — fiscal years, quarters, months, ISO weeks and working days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <locale.h>

#include "sp-calendar.h"

static GDate
date (const char *iso)
{
  GDate d;

  g_date_clear (&d, 1);
  if (!sp_date_parse_iso (iso, &d))
    g_error ("bad test date %s", iso);

  return d;
}

static GDate
julian_date (guint32 julian)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);

  return d;
}

#define assert_date(d, iso)                                                                   \
  G_STMT_START                                                                                \
  {                                                                                           \
    g_autofree char *assert_date_text = sp_date_format_iso (d);                               \
    g_assert_cmpstr (assert_date_text, ==, iso);                                              \
  }                                                                                           \
  G_STMT_END

#define assert_range(first, last, expected_first, expected_last)                              \
  G_STMT_START                                                                                \
  {                                                                                           \
    assert_date (first, expected_first);                                                      \
    assert_date (last, expected_last);                                                        \
  }                                                                                           \
  G_STMT_END

static guint
count (const SpCalendar *calendar,
       const char       *first,
       const char       *last)
{
  GDate a = date (first);
  GDate b = date (last);

  return sp_calendar_count_working_days (calendar, &a, &b);
}

static void
add_holiday (SpCalendar *calendar,
             const char *iso)
{
  GDate d = date (iso);

  sp_calendar_add_holiday (calendar, &d);
}

static void
test_defaults (void)
{
  g_autoptr (SpCalendar) calendar = sp_calendar_new (G_DATE_APRIL);
  g_autoptr (SpCalendar) copy = NULL;

  g_assert_cmpint (sp_calendar_get_start_month (calendar), ==, G_DATE_APRIL);
  g_assert_cmpint (sp_calendar_get_week_start (calendar), ==, G_DATE_MONDAY);
  g_assert_cmpuint (sp_calendar_get_working_days (calendar), ==, SP_WORKING_DAYS_MON_FRI);
  g_assert_cmpuint (sp_calendar_get_holidays (calendar)->len, ==, 0);

  sp_calendar_set_start_month (calendar, G_DATE_OCTOBER);
  sp_calendar_set_week_start (calendar, G_DATE_SUNDAY);
  sp_calendar_set_working_days (calendar,
                                SP_WORKING_DAYS_MON_FRI | SP_WEEKDAY_BIT (G_DATE_SATURDAY));
  add_holiday (calendar, "2026-10-01");

  copy = sp_calendar_copy (calendar);
  g_assert_cmpint (sp_calendar_get_start_month (copy), ==, G_DATE_OCTOBER);
  g_assert_cmpint (sp_calendar_get_week_start (copy), ==, G_DATE_SUNDAY);
  g_assert_cmpuint (sp_calendar_get_working_days (copy), ==, 0x3f);
  g_assert_cmpuint (sp_calendar_get_holidays (copy)->len, ==, 1);

  /* The copy owns its own holidays. */
  sp_calendar_clear_holidays (calendar);
  g_assert_cmpuint (sp_calendar_get_holidays (calendar)->len, ==, 0);
  g_assert_cmpuint (sp_calendar_get_holidays (copy)->len, ==, 1);

  if (g_test_undefined ())
    {
      g_test_expect_message ("sp-calendar", G_LOG_LEVEL_CRITICAL, "*g_date_valid_month*");
      sp_calendar_set_start_month (calendar, 13);
      g_test_assert_expected_messages ();
      g_assert_cmpint (sp_calendar_get_start_month (calendar), ==, G_DATE_OCTOBER);

      g_test_expect_message ("sp-calendar", G_LOG_LEVEL_CRITICAL, "*mask*");
      sp_calendar_set_working_days (calendar, 0x80);
      g_test_assert_expected_messages ();
      g_assert_cmpuint (sp_calendar_get_working_days (calendar), ==, 0x3f);
    }

  sp_calendar_free (NULL);
}

static void
test_parse_iso (void)
{
  static const char *valid[] = {
    "2024-02-29", "2000-02-29", "2026-01-05", "2026-12-31", "0001-01-01", "9999-12-31",
  };
  static const char *invalid[] = {
    "2026-02-29", "2100-02-29", "1900-02-29", "2026-1-5", "2026-01-5", "2026-01-05x",
    " 2026-01-05", "2026-01-05 ", "2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00",
    "0000-01-01", "2026/01/05", "20260105", "", "+026-01-05", "2026-0a-05", "26-01-05",
    "2026-01-05T00:00", "２０２６-01-05",
  };
  GDate d;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *text = NULL;

      g_date_clear (&d, 1);
      g_assert_true (sp_date_parse_iso (valid[i], &d));
      g_assert_true (g_date_valid (&d));
      text = sp_date_format_iso (&d);
      g_assert_cmpstr (text, ==, valid[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_date_clear (&d, 1);
      g_assert_false (sp_date_parse_iso (invalid[i], &d));
    }

  d = date ("2026-03-07");
  g_assert_cmpint (g_date_get_year (&d), ==, 2026);
  g_assert_cmpint (g_date_get_month (&d), ==, G_DATE_MARCH);
  g_assert_cmpint (g_date_get_day (&d), ==, 7);

  g_date_set_dmy (&d, 5, G_DATE_JANUARY, 33);
  assert_date (&d, "0033-01-05");
}

static void
test_leap_years (void)
{
  g_autoptr (SpCalendar) calendar = sp_calendar_new (G_DATE_JANUARY);
  g_autoptr (SpCalendar) march = sp_calendar_new (G_DATE_MARCH);
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);

  sp_calendar_month_range (calendar, 2024, 1, &first, &last);
  assert_range (&first, &last, "2024-02-01", "2024-02-29");
  sp_calendar_month_range (calendar, 2026, 1, &first, &last);
  assert_range (&first, &last, "2026-02-01", "2026-02-28");
  sp_calendar_month_range (calendar, 2100, 1, &first, &last);
  assert_range (&first, &last, "2100-02-01", "2100-02-28");
  sp_calendar_month_range (calendar, 2000, 1, &first, &last);
  assert_range (&first, &last, "2000-02-01", "2000-02-29");

  /* A fiscal year starting in March ends on the leap day. */
  sp_calendar_fiscal_year_range (march, 2023, &first, &last);
  assert_range (&first, &last, "2023-03-01", "2024-02-29");
  sp_calendar_fiscal_year_range (march, 2025, &first, &last);
  assert_range (&first, &last, "2025-03-01", "2026-02-28");
  g_assert_cmpint (g_date_days_between (&first, &last), ==, 364);
  sp_calendar_quarter_range (march, 2023, 3, &first, &last);
  assert_range (&first, &last, "2023-12-01", "2024-02-29");

  /* Mon–Fri working days in February. */
  g_assert_cmpuint (count (calendar, "2024-02-01", "2024-02-29"), ==, 21);
  g_assert_cmpuint (count (calendar, "2026-02-01", "2026-02-28"), ==, 20);
}

static void
test_fiscal_year_april (void)
{
  g_autoptr (SpCalendar) calendar = sp_calendar_new (G_DATE_APRIL);
  static const char *quarters[4][2] = {
    { "2026-04-01", "2026-06-30" },
    { "2026-07-01", "2026-09-30" },
    { "2026-10-01", "2026-12-31" },
    { "2027-01-01", "2027-03-31" },
  };
  static const char *months[12][2] = {
    { "2026-04-01", "2026-04-30" }, { "2026-05-01", "2026-05-31" },
    { "2026-06-01", "2026-06-30" }, { "2026-07-01", "2026-07-31" },
    { "2026-08-01", "2026-08-31" }, { "2026-09-01", "2026-09-30" },
    { "2026-10-01", "2026-10-31" }, { "2026-11-01", "2026-11-30" },
    { "2026-12-01", "2026-12-31" }, { "2027-01-01", "2027-01-31" },
    { "2027-02-01", "2027-02-28" }, { "2027-03-01", "2027-03-31" },
  };
  GDate first, last, d;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);

  sp_calendar_fiscal_year_range (calendar, 2026, &first, &last);
  assert_range (&first, &last, "2026-04-01", "2027-03-31");

  for (guint q = 0; q < 4; q++)
    {
      sp_calendar_quarter_range (calendar, 2026, q, &first, &last);
      assert_range (&first, &last, quarters[q][0], quarters[q][1]);
    }

  for (guint m = 0; m < 12; m++)
    {
      sp_calendar_month_range (calendar, 2026, m, &first, &last);
      assert_range (&first, &last, months[m][0], months[m][1]);
      g_assert_cmpuint (sp_calendar_fiscal_month_index (calendar, &first), ==, m);
      g_assert_cmpuint (sp_calendar_fiscal_month_index (calendar, &last), ==, m);
      g_assert_cmpint (sp_calendar_fiscal_year_of (calendar, &first), ==, 2026);
      g_assert_cmpint (sp_calendar_fiscal_year_of (calendar, &last), ==, 2026);
      g_assert_cmpuint (sp_calendar_quarter_of_month (m), ==, m / 3);
    }

  d = date ("2027-02-10");
  g_assert_cmpuint (sp_calendar_fiscal_month_index (calendar, &d), ==, 10);
  g_assert_cmpuint (sp_calendar_quarter_of_month (10), ==, 3);
  g_assert_cmpint (sp_calendar_fiscal_year_of (calendar, &d), ==, 2026);

  d = date ("2026-03-31");
  g_assert_cmpint (sp_calendar_fiscal_year_of (calendar, &d), ==, 2025);
  g_assert_cmpuint (sp_calendar_fiscal_month_index (calendar, &d), ==, 11);
  d = date ("2026-04-01");
  g_assert_cmpint (sp_calendar_fiscal_year_of (calendar, &d), ==, 2026);
  g_assert_cmpuint (sp_calendar_fiscal_month_index (calendar, &d), ==, 0);

  /* February of FY2027 is in leap year 2028. */
  sp_calendar_month_range (calendar, 2027, 10, &first, &last);
  assert_range (&first, &last, "2028-02-01", "2028-02-29");

  /* Either bound may be NULL. */
  g_date_clear (&first, 1);
  sp_calendar_month_range (calendar, 2026, 5, &first, NULL);
  assert_date (&first, "2026-09-01");
  sp_calendar_quarter_range (calendar, 2026, 1, NULL, &last);
  assert_date (&last, "2026-09-30");

  if (g_test_undefined ())
    {
      g_test_expect_message ("sp-calendar", G_LOG_LEVEL_CRITICAL, "*index < 12*");
      sp_calendar_month_range (calendar, 2026, 12, &first, &last);
      g_test_assert_expected_messages ();

      g_test_expect_message ("sp-calendar", G_LOG_LEVEL_CRITICAL, "*quarter < 4*");
      sp_calendar_quarter_range (calendar, 2026, 4, &first, &last);
      g_test_assert_expected_messages ();
    }
}

static void
test_fiscal_year_other_starts (void)
{
  g_autoptr (SpCalendar) calendar = sp_calendar_new (G_DATE_JANUARY);
  GDate first, last, d;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);

  sp_calendar_fiscal_year_range (calendar, 2026, &first, &last);
  assert_range (&first, &last, "2026-01-01", "2026-12-31");
  d = date ("2026-12-31");
  g_assert_cmpint (sp_calendar_fiscal_year_of (calendar, &d), ==, 2026);
  g_assert_cmpuint (sp_calendar_fiscal_month_index (calendar, &d), ==, 11);
  sp_calendar_quarter_range (calendar, 2026, 1, &first, &last);
  assert_range (&first, &last, "2026-04-01", "2026-06-30");

  sp_calendar_set_start_month (calendar, G_DATE_OCTOBER);
  sp_calendar_fiscal_year_range (calendar, 2025, &first, &last);
  assert_range (&first, &last, "2025-10-01", "2026-09-30");
  sp_calendar_quarter_range (calendar, 2025, 1, &first, &last);
  assert_range (&first, &last, "2026-01-01", "2026-03-31");
  d = date ("2026-09-30");
  g_assert_cmpint (sp_calendar_fiscal_year_of (calendar, &d), ==, 2025);
  g_assert_cmpuint (sp_calendar_fiscal_month_index (calendar, &d), ==, 11);
  d = date ("2025-12-15");
  g_assert_cmpint (sp_calendar_fiscal_year_of (calendar, &d), ==, 2025);
  g_assert_cmpuint (sp_calendar_fiscal_month_index (calendar, &d), ==, 2);

  sp_calendar_set_start_month (calendar, G_DATE_DECEMBER);
  sp_calendar_fiscal_year_range (calendar, 2026, &first, &last);
  assert_range (&first, &last, "2026-12-01", "2027-11-30");
  sp_calendar_month_range (calendar, 2026, 0, &first, &last);
  assert_range (&first, &last, "2026-12-01", "2026-12-31");
  sp_calendar_month_range (calendar, 2026, 11, &first, &last);
  assert_range (&first, &last, "2027-11-01", "2027-11-30");
}

static void
test_iso_week (void)
{
  static const struct
  {
    const char *date;
    guint       week;
    int         year;
  } cases[] = {
    { "2026-12-28", 53, 2026 }, /* Monday of the 53rd week */
    { "2026-12-31", 53, 2026 },
    { "2027-01-01", 53, 2026 },
    { "2027-01-03", 53, 2026 },
    { "2027-01-04", 1, 2027 },
    { "2024-12-29", 52, 2024 },
    { "2024-12-30", 1, 2025 },
    { "2024-12-31", 1, 2025 },
    { "2025-01-01", 1, 2025 },
    { "2021-01-03", 53, 2020 },
    { "2021-01-04", 1, 2021 },
    { "2022-01-01", 52, 2021 },
    { "2022-01-02", 52, 2021 },
    { "2022-01-03", 1, 2022 },
    { "2026-01-01", 1, 2026 },
    { "2025-12-29", 1, 2026 },
    { "2026-06-15", 25, 2026 },
    { "2008-12-29", 1, 2009 },
    { "2010-01-03", 53, 2009 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate d = date (cases[i].date);
      int   iso_year = 0;

      g_assert_cmpuint (sp_calendar_iso_week (&d, &iso_year), ==, cases[i].week);
      g_assert_cmpint (iso_year, ==, cases[i].year);
      g_assert_cmpuint (sp_calendar_iso_week (&d, NULL), ==, cases[i].week);
    }
}

static void
test_week_start_of (void)
{
  g_autoptr (SpCalendar) calendar = sp_calendar_new (G_DATE_JANUARY);
  static const struct
  {
    GDateWeekday start;
    const char  *date;
    const char  *expected;
  } cases[] = {
    { G_DATE_MONDAY, "2026-01-01", "2025-12-29" }, /* Thursday, the week straddles the year */
    { G_DATE_MONDAY, "2025-12-29", "2025-12-29" },
    { G_DATE_MONDAY, "2026-01-04", "2025-12-29" },
    { G_DATE_MONDAY, "2026-03-01", "2026-02-23" }, /* Sunday, straddles the month */
    { G_DATE_SUNDAY, "2026-01-01", "2025-12-28" },
    { G_DATE_SUNDAY, "2026-01-03", "2025-12-28" },
    { G_DATE_SUNDAY, "2026-01-04", "2026-01-04" },
    { G_DATE_SUNDAY, "2026-03-01", "2026-03-01" },
    { G_DATE_SATURDAY, "2026-01-01", "2025-12-27" },
    { G_DATE_SATURDAY, "2026-01-03", "2026-01-03" },
    { G_DATE_THURSDAY, "2026-01-01", "2026-01-01" },
    { G_DATE_THURSDAY, "2025-12-31", "2025-12-25" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate d = date (cases[i].date);
      GDate out;

      sp_calendar_set_week_start (calendar, cases[i].start);
      sp_calendar_week_start_of (calendar, &d, &out);
      assert_date (&out, cases[i].expected);
      g_assert_cmpint (g_date_get_weekday (&out), ==, cases[i].start);
    }
}

static void
check_weeks (const SpCalendar *calendar,
             int               fiscal_year,
             const char       *expected_first,
             const char       *expected_last,
             guint             expected_len)
{
  g_autoptr (GArray) weeks = sp_calendar_weeks_of_fiscal_year (calendar, fiscal_year);
  GDate first, last, d;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  sp_calendar_fiscal_year_range (calendar, fiscal_year, &first, &last);

  g_assert_cmpuint (weeks->len, ==, expected_len);
  d = julian_date (g_array_index (weeks, guint32, 0));
  assert_date (&d, expected_first);
  d = julian_date (g_array_index (weeks, guint32, weeks->len - 1));
  assert_date (&d, expected_last);

  for (guint i = 0; i < weeks->len; i++)
    {
      guint32 start = g_array_index (weeks, guint32, i);

      d = julian_date (start);
      g_assert_cmpint (g_date_get_weekday (&d), ==, sp_calendar_get_week_start (calendar));
      if (i > 0)
        g_assert_cmpuint (start, ==, g_array_index (weeks, guint32, i - 1) + 7);
      /* Every week touches the fiscal year. */
      g_assert_cmpuint (start + 6, >=, g_date_get_julian (&first));
      g_assert_cmpuint (start, <=, g_date_get_julian (&last));
    }
}

static void
test_weeks_of_fiscal_year (void)
{
  g_autoptr (SpCalendar) calendar = sp_calendar_new (G_DATE_JANUARY);

  /* 2026 starts on a Thursday: the first week begins in 2025, the last ends in 2027. */
  check_weeks (calendar, 2026, "2025-12-29", "2026-12-28", 53);
  /* 2024 starts on a Monday and is a leap year ending on a Tuesday. */
  check_weeks (calendar, 2024, "2024-01-01", "2024-12-30", 53);
  /* 2023 starts on a Sunday and ends on a Sunday. */
  check_weeks (calendar, 2023, "2022-12-26", "2023-12-25", 53);

  sp_calendar_set_week_start (calendar, G_DATE_SUNDAY);
  check_weeks (calendar, 2026, "2025-12-28", "2026-12-27", 53);
  check_weeks (calendar, 2023, "2023-01-01", "2023-12-31", 53);
  check_weeks (calendar, 2022, "2021-12-26", "2022-12-25", 53);
  check_weeks (calendar, 2017, "2017-01-01", "2017-12-31", 53);
  check_weeks (calendar, 2015, "2014-12-28", "2015-12-27", 53);

  /* FY2026 from April: 2026-04-01 (Wednesday) to 2027-03-31 (Wednesday). */
  sp_calendar_set_start_month (calendar, G_DATE_APRIL);
  sp_calendar_set_week_start (calendar, G_DATE_MONDAY);
  check_weeks (calendar, 2026, "2026-03-30", "2027-03-29", 53);
  sp_calendar_set_week_start (calendar, G_DATE_SUNDAY);
  check_weeks (calendar, 2026, "2026-03-29", "2027-03-28", 53);
  /* FY2024 from April: 2024-04-01 is a Monday, 2025-03-31 is a Monday. */
  sp_calendar_set_week_start (calendar, G_DATE_MONDAY);
  check_weeks (calendar, 2024, "2024-04-01", "2025-03-31", 53);
  sp_calendar_set_week_start (calendar, G_DATE_TUESDAY);
  check_weeks (calendar, 2024, "2024-03-26", "2025-03-25", 53);
  /* FY2021 from April: 2021-04-01 is a Thursday, 2022-03-31 is a Thursday. */
  sp_calendar_set_week_start (calendar, G_DATE_FRIDAY);
  check_weeks (calendar, 2021, "2021-03-26", "2022-03-25", 53);
  sp_calendar_set_week_start (calendar, G_DATE_THURSDAY);
  check_weeks (calendar, 2021, "2021-04-01", "2022-03-31", 53);
}

static void
test_holidays (void)
{
  g_autoptr (SpCalendar) calendar = sp_calendar_new (G_DATE_JANUARY);
  static const char *holidays[] = {
    "2026-10-01", "2026-01-01", "2026-05-01", "2026-02-17", "2026-10-01", "2025-12-31",
  };
  const GArray *array;
  GDate         d;

  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    add_holiday (calendar, holidays[i]);

  array = sp_calendar_get_holidays (calendar);
  g_assert_cmpuint (array->len, ==, 5);
  for (guint i = 1; i < array->len; i++)
    g_assert_cmpuint (g_array_index (array, guint32, i - 1), <, g_array_index (array, guint32, i));
  d = julian_date (g_array_index (array, guint32, 0));
  assert_date (&d, "2025-12-31");
  d = julian_date (g_array_index (array, guint32, 4));
  assert_date (&d, "2026-10-01");

  d = date ("2026-02-17");
  g_assert_true (sp_calendar_is_holiday (calendar, &d));
  g_assert_false (sp_calendar_is_working_day (calendar, &d));
  d = date ("2026-02-18");
  g_assert_false (sp_calendar_is_holiday (calendar, &d));
  g_assert_true (sp_calendar_is_working_day (calendar, &d));
  d = date ("2025-12-30");
  g_assert_false (sp_calendar_is_holiday (calendar, &d));
  d = date ("2026-10-02");
  g_assert_false (sp_calendar_is_holiday (calendar, &d));

  d = date ("2026-02-17");
  sp_calendar_remove_holiday (calendar, &d);
  sp_calendar_remove_holiday (calendar, &d);
  g_assert_false (sp_calendar_is_holiday (calendar, &d));
  g_assert_cmpuint (array->len, ==, 4);
  d = date ("2030-01-01");
  sp_calendar_remove_holiday (calendar, &d);
  g_assert_cmpuint (array->len, ==, 4);

  sp_calendar_clear_holidays (calendar);
  g_assert_cmpuint (array->len, ==, 0);
  d = date ("2026-01-01");
  g_assert_false (sp_calendar_is_holiday (calendar, &d));
  g_assert_true (sp_calendar_is_working_day (calendar, &d));
}

static void
test_working_days (void)
{
  g_autoptr (SpCalendar) calendar = sp_calendar_new (G_DATE_JANUARY);
  GDate d;

  /* January 2026 starts on a Thursday: 22 weekdays. */
  g_assert_cmpuint (count (calendar, "2026-01-01", "2026-01-31"), ==, 22);
  g_assert_cmpuint (count (calendar, "2026-01-01", "2026-12-31"), ==, 261);
  g_assert_cmpuint (count (calendar, "2026-01-03", "2026-01-04"), ==, 0);
  g_assert_cmpuint (count (calendar, "2026-01-05", "2026-01-05"), ==, 1);
  g_assert_cmpuint (count (calendar, "2026-01-05", "2026-01-04"), ==, 0);
  g_assert_cmpuint (count (calendar, "2026-01-31", "2026-01-01"), ==, 0);

  d = date ("2026-01-03");
  g_assert_false (sp_calendar_is_working_day (calendar, &d));
  d = date ("2026-01-05");
  g_assert_true (sp_calendar_is_working_day (calendar, &d));

  /* A holiday on a working day counts; one on a Saturday does not. */
  add_holiday (calendar, "2026-01-01");
  add_holiday (calendar, "2026-01-03");
  add_holiday (calendar, "2026-02-02");
  g_assert_cmpuint (count (calendar, "2026-01-01", "2026-01-31"), ==, 21);
  g_assert_cmpuint (count (calendar, "2026-01-02", "2026-01-31"), ==, 21);
  g_assert_cmpuint (count (calendar, "2026-01-01", "2026-01-01"), ==, 0);
  g_assert_cmpuint (count (calendar, "2026-01-01", "2026-02-02"), ==, 21);
  g_assert_cmpuint (count (calendar, "2026-01-01", "2026-02-03"), ==, 22);

  /* A week straddling two months takes a part from each. */
  g_assert_cmpuint (count (calendar, "2026-01-26", "2026-01-31"), ==, 5);
  g_assert_cmpuint (count (calendar, "2026-02-01", "2026-02-01"), ==, 0);
  g_assert_cmpuint (count (calendar, "2026-02-02", "2026-02-08"), ==, 4);
}

static void
test_working_days_sunday_week (void)
{
  g_autoptr (SpCalendar) calendar = sp_calendar_new (G_DATE_JANUARY);
  g_autoptr (GArray) weeks = NULL;
  guint total = 0;

  sp_calendar_set_week_start (calendar, G_DATE_SUNDAY);
  add_holiday (calendar, "2026-01-01");
  add_holiday (calendar, "2026-01-05");
  add_holiday (calendar, "2026-12-25");

  weeks = sp_calendar_weeks_of_fiscal_year (calendar, 2026);
  for (guint i = 0; i < weeks->len; i++)
    {
      guint32 start = g_array_index (weeks, guint32, i);
      GDate   first = julian_date (start);
      GDate   last = julian_date (start + 6);
      GDate   year_first = date ("2026-01-01");
      GDate   year_last = date ("2026-12-31");

      if (g_date_compare (&first, &year_first) < 0)
        first = year_first;
      if (g_date_compare (&last, &year_last) > 0)
        last = year_last;
      total += sp_calendar_count_working_days (calendar, &first, &last);
    }

  /* The weeks' parts inside the year add up to the year. */
  g_assert_cmpuint (total, ==, 261 - 3);
  g_assert_cmpuint (count (calendar, "2026-01-01", "2026-12-31"), ==, 258);

  /* Sunday 2025-12-28 to Saturday 2026-01-03: Mon–Wed in 2025, Friday in 2026. */
  g_assert_cmpuint (count (calendar, "2025-12-28", "2026-01-03"), ==, 4);
  /* Sunday 2026-01-04 to Saturday 2026-01-10, Monday a holiday. */
  g_assert_cmpuint (count (calendar, "2026-01-04", "2026-01-10"), ==, 4);
}

static void
test_working_days_six_day_week (void)
{
  g_autoptr (SpCalendar) calendar = sp_calendar_new (G_DATE_JANUARY);
  GDate d;

  sp_calendar_set_working_days (calendar,
                                SP_WORKING_DAYS_MON_FRI | SP_WEEKDAY_BIT (G_DATE_SATURDAY));

  /* January 2026 has four Sundays. */
  g_assert_cmpuint (count (calendar, "2026-01-01", "2026-01-31"), ==, 27);
  g_assert_cmpuint (count (calendar, "2026-01-01", "2026-12-31"), ==, 313);
  d = date ("2026-01-03");
  g_assert_true (sp_calendar_is_working_day (calendar, &d));
  d = date ("2026-01-04");
  g_assert_false (sp_calendar_is_working_day (calendar, &d));

  /* Now a Saturday holiday is a lost working day; a Sunday one is not. */
  add_holiday (calendar, "2026-01-03");
  add_holiday (calendar, "2026-01-04");
  g_assert_cmpuint (count (calendar, "2026-01-01", "2026-01-31"), ==, 26);

  /* Sunday to Thursday (Middle East), and nothing at all. */
  sp_calendar_clear_holidays (calendar);
  sp_calendar_set_working_days (calendar, SP_WEEKDAY_BIT (G_DATE_SUNDAY)
                                          | SP_WEEKDAY_BIT (G_DATE_MONDAY)
                                          | SP_WEEKDAY_BIT (G_DATE_TUESDAY)
                                          | SP_WEEKDAY_BIT (G_DATE_WEDNESDAY)
                                          | SP_WEEKDAY_BIT (G_DATE_THURSDAY));
  g_assert_cmpuint (count (calendar, "2026-01-01", "2026-01-31"), ==, 21);
  g_assert_cmpuint (count (calendar, "2026-01-02", "2026-01-03"), ==, 0);
  sp_calendar_set_working_days (calendar, 0);
  g_assert_cmpuint (count (calendar, "2026-01-01", "2026-12-31"), ==, 0);
  sp_calendar_set_working_days (calendar, 0x7f);
  g_assert_cmpuint (count (calendar, "2026-01-01", "2026-12-31"), ==, 365);
  g_assert_cmpuint (count (calendar, "2024-01-01", "2024-12-31"), ==, 366);
}

/* The arithmetic count agrees with looking at every day. */
static void
test_working_days_brute_force (void)
{
  g_autoptr (SpCalendar) calendar = sp_calendar_new (G_DATE_JANUARY);
  GDate  base = date ("2024-11-01");
  guint32 base_julian = g_date_get_julian (&base);

  for (guint round = 0; round < 200; round++)
    {
      guint   n_holidays = g_test_rand_int_range (0, 40);
      guint32 a = base_julian + g_test_rand_int_range (0, 800);
      guint32 b = a + g_test_rand_int_range (-3, 500);
      GDate   first = julian_date (a);
      GDate   last = julian_date (b);
      guint   expected = 0;

      sp_calendar_clear_holidays (calendar);
      sp_calendar_set_working_days (calendar, g_test_rand_int_range (0, 0x80));
      sp_calendar_set_week_start (calendar,
                                  g_test_rand_int_range (G_DATE_MONDAY, G_DATE_SUNDAY + 1));
      for (guint i = 0; i < n_holidays; i++)
        {
          GDate h = julian_date (base_julian + g_test_rand_int_range (0, 1400));

          sp_calendar_add_holiday (calendar, &h);
        }

      for (guint32 j = a; j <= b; j++)
        {
          GDate d = julian_date (j);

          if (sp_calendar_is_working_day (calendar, &d))
            expected++;
        }

      g_assert_cmpuint (sp_calendar_count_working_days (calendar, &first, &last), ==, expected);
    }
}

/* 500 reps × 53 weeks of a plan recompute, with a long holiday list. */
static void
test_working_days_many_weeks (void)
{
  g_autoptr (SpCalendar) calendar = sp_calendar_new (G_DATE_APRIL);
  g_autoptr (GArray) weeks = NULL;
  GDate   first = date ("2000-01-01");
  GDate   last;
  guint32 base = g_date_get_julian (&first);
  gint64  start_time;
  guint64 total = 0;
  guint   per_year = 0;

  g_date_clear (&last, 1);
  for (guint32 j = base; j < base + 20000; j += 3)
    {
      GDate h = julian_date (j);

      sp_calendar_add_holiday (calendar, &h);
    }

  weeks = sp_calendar_weeks_of_fiscal_year (calendar, 2026);
  start_time = g_get_monotonic_time ();
  for (guint rep = 0; rep < 500; rep++)
    {
      guint sum = 0;

      for (guint i = 0; i < weeks->len; i++)
        {
          first = julian_date (g_array_index (weeks, guint32, i));
          last = julian_date (g_array_index (weeks, guint32, i) + 6);
          sum += sp_calendar_count_working_days (calendar, &first, &last);
        }
      total += sum;
      per_year = sum;
    }
  g_test_message ("%u reps × %u weeks in %" G_GINT64_FORMAT " µs", 500, weeks->len,
                  g_get_monotonic_time () - start_time);

  sp_calendar_fiscal_year_range (calendar, 2026, &first, &last);
  first = julian_date (g_array_index (weeks, guint32, 0));
  last = julian_date (g_array_index (weeks, guint32, weeks->len - 1) + 6);
  g_assert_cmpuint (per_year, ==, sp_calendar_count_working_days (calendar, &first, &last));
  g_assert_cmpuint (total, ==, (guint64) per_year * 500);

  /* A century, counted arithmetically. */
  first = date ("2000-01-01");
  last = date ("2099-12-31");
  sp_calendar_clear_holidays (calendar);
  g_assert_cmpuint (sp_calendar_count_working_days (calendar, &first, &last), ==, 26089);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/defaults", test_defaults);
  g_test_add_func ("/calendar/parse-iso", test_parse_iso);
  g_test_add_func ("/calendar/leap-years", test_leap_years);
  g_test_add_func ("/calendar/fiscal-year/april", test_fiscal_year_april);
  g_test_add_func ("/calendar/fiscal-year/other-starts", test_fiscal_year_other_starts);
  g_test_add_func ("/calendar/iso-week", test_iso_week);
  g_test_add_func ("/calendar/week-start-of", test_week_start_of);
  g_test_add_func ("/calendar/weeks-of-fiscal-year", test_weeks_of_fiscal_year);
  g_test_add_func ("/calendar/holidays", test_holidays);
  g_test_add_func ("/calendar/working-days/basic", test_working_days);
  g_test_add_func ("/calendar/working-days/sunday-week", test_working_days_sunday_week);
  g_test_add_func ("/calendar/working-days/six-day-week", test_working_days_six_day_week);
  g_test_add_func ("/calendar/working-days/brute-force", test_working_days_brute_force);
  g_test_add_func ("/calendar/working-days/many-weeks", test_working_days_many_weeks);

  return g_test_run ();
}
