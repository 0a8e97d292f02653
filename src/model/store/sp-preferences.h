/* sp-preferences.h — workspace preferences: currency, fiscal year start, week, working days,
 * holidays. Stored in the workspace (they travel with a .salesplan file); every change is an
 * undoable edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-calendar.h"
#include "sp-money.h"
#include "sp-store.h"

G_BEGIN_DECLS

#define SP_TYPE_PREFERENCES (sp_preferences_get_type ())
G_DECLARE_FINAL_TYPE (SpPreferences, sp_preferences, SP, PREFERENCES, GObject)

/* Properties (all notify when the store changes, undo included):
 *   "currency"            string, ISO code, default "CNY"
 *   "fiscal-start-month"  uint 1..12, default 1
 *   "week-start"          uint GDateWeekday 1..7, default 1 (Monday)
 *   "working-days"        uint mask, default SP_WORKING_DAYS_MON_FRI
 */
SpPreferences    *sp_preferences_new                  (SpStore        *store);
SpStore          *sp_preferences_get_store            (SpPreferences  *self);

const SpCurrency *sp_preferences_get_currency         (SpPreferences  *self);
gboolean          sp_preferences_set_currency         (SpPreferences  *self,
                                                       const char     *code,
                                                       GError        **error);
GDateMonth        sp_preferences_get_fiscal_start_month (SpPreferences *self);
gboolean          sp_preferences_set_fiscal_start_month (SpPreferences *self,
                                                       GDateMonth      month,
                                                       GError        **error);
GDateWeekday      sp_preferences_get_week_start       (SpPreferences  *self);
gboolean          sp_preferences_set_week_start       (SpPreferences  *self,
                                                       GDateWeekday    weekday,
                                                       GError        **error);
guint             sp_preferences_get_working_days     (SpPreferences  *self);
gboolean          sp_preferences_set_working_days     (SpPreferences  *self,
                                                       guint           mask,
                                                       GError        **error);
/* Holidays as sorted ISO dates with their names. */
GPtrArray        *sp_preferences_list_holidays        (SpPreferences  *self); /* of SpHoliday* */
gboolean          sp_preferences_add_holiday          (SpPreferences  *self,
                                                       const GDate    *date,
                                                       const char     *name,
                                                       GError        **error);
gboolean          sp_preferences_remove_holiday       (SpPreferences  *self,
                                                       const GDate    *date,
                                                       GError        **error);
/* A calendar configured from these preferences (caller frees). */
SpCalendar       *sp_preferences_dup_calendar         (SpPreferences  *self);

typedef struct
{
  char *date;   /* ISO */
  char *name;
} SpHoliday;

void sp_holiday_free (SpHoliday *holiday);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpHoliday, sp_holiday_free)

G_END_DECLS
