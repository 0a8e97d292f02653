/* sp-calendar.c — the fiscal calendar: fiscal years, quarters, months, ISO weeks, working days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-calendar"

#include "config.h"

#include <string.h>

#include "sp-calendar.h"

struct _SpCalendar
{
  GDateMonth   start_month;
  GDateWeekday week_start;
  guint        working_days;
  GArray      *holidays; /* guint32 Julian days, sorted, unique */
};

#define ALL_WEEKDAYS 0x7fu

/* GDate's Julian day 1 (0001-01-01) is a Monday. */
static inline GDateWeekday
weekday_of_julian (guint32 julian)
{
  return (GDateWeekday) (((julian - 1) % 7) + 1);
}

static inline gboolean
mask_has_julian (guint   mask,
                 guint32 julian)
{
  return (mask & SP_WEEKDAY_BIT (weekday_of_julian (julian))) != 0;
}

static guint
count_weekdays (guint mask)
{
  guint n = 0;

  for (; mask != 0; mask &= mask - 1)
    n++;

  return n;
}

/* Index of the first holiday >= @julian (the array length if there is none). */
static guint
holiday_lower_bound (const GArray *holidays,
                     guint32       julian)
{
  guint lo = 0;
  guint hi = holidays->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (holidays, guint32, mid) < julian)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

SpCalendar *
sp_calendar_new (GDateMonth start_month)
{
  SpCalendar *self;

  g_return_val_if_fail (g_date_valid_month (start_month), NULL);

  self = g_new0 (SpCalendar, 1);
  self->start_month = start_month;
  self->week_start = G_DATE_MONDAY;
  self->working_days = SP_WORKING_DAYS_MON_FRI;
  self->holidays = g_array_new (FALSE, FALSE, sizeof (guint32));

  return self;
}

SpCalendar *
sp_calendar_copy (const SpCalendar *self)
{
  SpCalendar *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SpCalendar, 1);
  copy->start_month = self->start_month;
  copy->week_start = self->week_start;
  copy->working_days = self->working_days;
  copy->holidays = g_array_sized_new (FALSE, FALSE, sizeof (guint32), self->holidays->len);
  if (self->holidays->len > 0)
    g_array_append_vals (copy->holidays, self->holidays->data, self->holidays->len);

  return copy;
}

void
sp_calendar_free (SpCalendar *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->holidays, g_array_unref);
  g_free (self);
}

GDateMonth
sp_calendar_get_start_month (const SpCalendar *self)
{
  g_return_val_if_fail (self != NULL, G_DATE_JANUARY);

  return self->start_month;
}

void
sp_calendar_set_start_month (SpCalendar *self,
                             GDateMonth  start_month)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (g_date_valid_month (start_month));

  self->start_month = start_month;
}

GDateWeekday
sp_calendar_get_week_start (const SpCalendar *self)
{
  g_return_val_if_fail (self != NULL, G_DATE_MONDAY);

  return self->week_start;
}

void
sp_calendar_set_week_start (SpCalendar   *self,
                            GDateWeekday  week_start)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (g_date_valid_weekday (week_start));

  self->week_start = week_start;
}

guint
sp_calendar_get_working_days (const SpCalendar *self)
{
  g_return_val_if_fail (self != NULL, SP_WORKING_DAYS_MON_FRI);

  return self->working_days;
}

void
sp_calendar_set_working_days (SpCalendar *self,
                              guint       mask)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((mask & ~ALL_WEEKDAYS) == 0);

  self->working_days = mask;
}

void
sp_calendar_add_holiday (SpCalendar  *self,
                         const GDate *date)
{
  guint32 julian;
  guint   pos;

  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  julian = g_date_get_julian (date);
  pos = holiday_lower_bound (self->holidays, julian);
  if (pos < self->holidays->len && g_array_index (self->holidays, guint32, pos) == julian)
    return;

  g_array_insert_val (self->holidays, pos, julian);
}

void
sp_calendar_remove_holiday (SpCalendar  *self,
                            const GDate *date)
{
  guint32 julian;
  guint   pos;

  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  julian = g_date_get_julian (date);
  pos = holiday_lower_bound (self->holidays, julian);
  if (pos < self->holidays->len && g_array_index (self->holidays, guint32, pos) == julian)
    g_array_remove_index (self->holidays, pos);
}

void
sp_calendar_clear_holidays (SpCalendar *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->holidays, 0);
}

gboolean
sp_calendar_is_holiday (const SpCalendar *self,
                        const GDate      *date)
{
  guint32 julian;
  guint   pos;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  julian = g_date_get_julian (date);
  pos = holiday_lower_bound (self->holidays, julian);

  return pos < self->holidays->len && g_array_index (self->holidays, guint32, pos) == julian;
}

const GArray *
sp_calendar_get_holidays (const SpCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->holidays;
}

int
sp_calendar_fiscal_year_of (const SpCalendar *self,
                            const GDate      *date)
{
  int year;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  year = g_date_get_year (date);
  if (g_date_get_month (date) < self->start_month)
    year--;

  return year;
}

/* Sets @first and @last to the bounds of calendar month @month0 (0-based, may exceed 11)
 * counted from January of @year. */
static void
calendar_month_bounds (int    year,
                       guint  month0,
                       GDate *first,
                       GDate *last)
{
  GDateYear  y = (GDateYear) (year + (int) (month0 / 12));
  GDateMonth m = (GDateMonth) (month0 % 12 + 1);

  g_return_if_fail (g_date_valid_year (y));

  if (first != NULL)
    g_date_set_dmy (first, 1, m, y);
  if (last != NULL)
    g_date_set_dmy (last, g_date_get_days_in_month (m, y), m, y);
}

void
sp_calendar_fiscal_year_range (const SpCalendar *self,
                               int               fiscal_year,
                               GDate            *first,
                               GDate            *last)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (fiscal_year >= 1 && fiscal_year < G_MAXUINT16);

  calendar_month_bounds (fiscal_year, self->start_month - 1, first, NULL);
  calendar_month_bounds (fiscal_year, self->start_month - 1 + 11, NULL, last);
}

void
sp_calendar_month_range (const SpCalendar *self,
                         int               fiscal_year,
                         guint             index,
                         GDate            *first,
                         GDate            *last)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (fiscal_year >= 1 && fiscal_year < G_MAXUINT16);
  g_return_if_fail (index < 12);

  calendar_month_bounds (fiscal_year, self->start_month - 1 + index, first, last);
}

guint
sp_calendar_fiscal_month_index (const SpCalendar *self,
                                const GDate      *date)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  return (g_date_get_month (date) + 12 - self->start_month) % 12;
}

void
sp_calendar_quarter_range (const SpCalendar *self,
                           int               fiscal_year,
                           guint             quarter,
                           GDate            *first,
                           GDate            *last)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (fiscal_year >= 1 && fiscal_year < G_MAXUINT16);
  g_return_if_fail (quarter < 4);

  calendar_month_bounds (fiscal_year, self->start_month - 1 + quarter * 3, first, NULL);
  calendar_month_bounds (fiscal_year, self->start_month - 1 + quarter * 3 + 2, NULL, last);
}

guint
sp_calendar_iso_week (const GDate *date,
                      int         *iso_year)
{
  guint week;
  int   year;

  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  week = g_date_get_iso8601_week_of_year (date);
  year = g_date_get_year (date);

  /* The first days of January may belong to the last week of the previous year, and the
   * last days of December to week 1 of the next. */
  if (week >= 52 && g_date_get_month (date) == G_DATE_JANUARY)
    year--;
  else if (week == 1 && g_date_get_month (date) == G_DATE_DECEMBER)
    year++;

  if (iso_year != NULL)
    *iso_year = year;

  return week;
}

static guint32
week_start_of_julian (const SpCalendar *self,
                      guint32           julian)
{
  guint offset = (weekday_of_julian (julian) + 7 - self->week_start) % 7;

  /* 0 (not a valid Julian day) when the week would start before 0001-01-01. */
  return julian > offset ? julian - offset : 0;
}

void
sp_calendar_week_start_of (const SpCalendar *self,
                           const GDate      *date,
                           GDate            *out)
{
  guint32 julian;

  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (out != NULL);

  julian = week_start_of_julian (self, g_date_get_julian (date));
  g_date_clear (out, 1);
  g_return_if_fail (g_date_valid_julian (julian));

  g_date_set_julian (out, julian);
}

GArray *
sp_calendar_weeks_of_fiscal_year (const SpCalendar *self,
                                  int               fiscal_year)
{
  GDate   first, last;
  guint32 start, end;
  GArray *weeks;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (fiscal_year >= 1 && fiscal_year < G_MAXUINT16, NULL);

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  sp_calendar_fiscal_year_range (self, fiscal_year, &first, &last);

  start = week_start_of_julian (self, g_date_get_julian (&first));
  end = g_date_get_julian (&last);
  g_return_val_if_fail (g_date_valid_julian (start), NULL);

  weeks = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 54);
  for (guint32 julian = start; julian <= end; julian += 7)
    g_array_append_val (weeks, julian);

  return weeks;
}

gboolean
sp_calendar_is_working_day (const SpCalendar *self,
                            const GDate      *date)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return mask_has_julian (self->working_days, g_date_get_julian (date))
         && !sp_calendar_is_holiday (self, date);
}

guint
sp_calendar_count_working_days (const SpCalendar *self,
                                const GDate      *first,
                                const GDate      *last)
{
  guint32 a, b;
  guint32 n_days;
  guint   count;
  guint   remainder;
  guint32 tail;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (first != NULL && g_date_valid (first), 0);
  g_return_val_if_fail (last != NULL && g_date_valid (last), 0);

  a = g_date_get_julian (first);
  b = g_date_get_julian (last);
  if (b < a)
    return 0;

  /* Whole weeks contain every weekday once; only the remaining < 7 days need looking at. */
  n_days = b - a + 1;
  count = (n_days / 7) * count_weekdays (self->working_days);
  remainder = n_days % 7;
  tail = a + (n_days - remainder);
  for (guint i = 0; i < remainder; i++)
    if (mask_has_julian (self->working_days, tail + i))
      count++;

  for (guint i = holiday_lower_bound (self->holidays, a); i < self->holidays->len; i++)
    {
      guint32 julian = g_array_index (self->holidays, guint32, i);

      if (julian > b)
        break;
      if (mask_has_julian (self->working_days, julian))
        count--;
    }

  return count;
}

static gboolean
parse_digits (const char *text,
              guint       n,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

gboolean
sp_date_parse_iso (const char *text,
                   GDate      *out)
{
  guint year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!parse_digits (text, 4, &year)
      || !parse_digits (text + 5, 2, &month)
      || !parse_digits (text + 8, 2, &day))
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

char *
sp_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}
