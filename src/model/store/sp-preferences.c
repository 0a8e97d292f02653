/* sp-preferences.c — workspace preferences kept in the workspace's setting and holiday tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-preferences"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-preferences.h"
#include "sp-store-private.h"

#define KEY_CURRENCY     "currency"
#define KEY_FISCAL_START "fiscal-start-month"
#define KEY_WEEK_START   "week-start"
#define KEY_WORKING_DAYS "working-days"

struct _SpPreferences
{
  GObject   parent_instance;
  SpStore  *store;
};

G_DEFINE_FINAL_TYPE (SpPreferences, sp_preferences, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CURRENCY,
  PROP_FISCAL_START_MONTH,
  PROP_WEEK_START,
  PROP_WORKING_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
get_uint (SpPreferences *self,
          const char    *key,
          guint          fallback,
          guint          min,
          guint          max)
{
  g_autofree char *value = sp_store_get_setting (self->store, key);
  guint64 parsed;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, min, max, &parsed, NULL))
    return fallback;

  return (guint) parsed;
}

static void
store_changed_cb (SpPreferences *self)
{
  for (guint i = PROP_CURRENCY; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

static void
sp_preferences_dispose (GObject *object)
{
  SpPreferences *self = (SpPreferences *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (sp_preferences_parent_class)->dispose (object);
}

static void
sp_preferences_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SpPreferences *self = SP_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, sp_preferences_get_currency (self)->code);
      break;
    case PROP_FISCAL_START_MONTH:
      g_value_set_uint (value, sp_preferences_get_fiscal_start_month (self));
      break;
    case PROP_WEEK_START:
      g_value_set_uint (value, sp_preferences_get_week_start (self));
      break;
    case PROP_WORKING_DAYS:
      g_value_set_uint (value, sp_preferences_get_working_days (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_preferences_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SpPreferences *self = SP_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_preferences_class_init (SpPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_preferences_dispose;
  object_class->get_property = sp_preferences_get_property;
  object_class->set_property = sp_preferences_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, "CNY",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FISCAL_START_MONTH] =
    g_param_spec_uint ("fiscal-start-month", NULL, NULL, 1, 12, 1,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEEK_START] =
    g_param_spec_uint ("week-start", NULL, NULL, 1, 7, 1,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKING_DAYS] =
    g_param_spec_uint ("working-days", NULL, NULL, 0, 0x7f, SP_WORKING_DAYS_MON_FRI,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_preferences_init (SpPreferences *self)
{
}

SpPreferences *
sp_preferences_new (SpStore *store)
{
  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  return g_object_new (SP_TYPE_PREFERENCES, "store", store, NULL);
}

SpStore *
sp_preferences_get_store (SpPreferences *self)
{
  g_return_val_if_fail (SP_IS_PREFERENCES (self), NULL);

  return self->store;
}

/* One undoable edit that writes one setting. */
static gboolean
set_setting (SpPreferences  *self,
             const char     *key,
             const char     *value,
             const char     *label,
             GError        **error)
{
  if (!sp_store_begin_edit (self->store, label, error))
    return FALSE;

  if (!sp_store_set_setting (self->store, key, value, error))
    {
      sp_store_rollback_edit (self->store);
      return FALSE;
    }

  return sp_store_commit_edit (self->store, error);
}

static gboolean
set_uint (SpPreferences  *self,
          const char     *key,
          guint           value,
          const char     *label,
          GError        **error)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  return set_setting (self, key, text, label, error);
}

const SpCurrency *
sp_preferences_get_currency (SpPreferences *self)
{
  g_autofree char *code = NULL;
  const SpCurrency *currency = NULL;

  g_return_val_if_fail (SP_IS_PREFERENCES (self), NULL);

  code = sp_store_get_setting (self->store, KEY_CURRENCY);
  if (code != NULL)
    currency = sp_currency_lookup (code);

  return currency ? currency : sp_currency_lookup ("CNY");
}

gboolean
sp_preferences_set_currency (SpPreferences  *self,
                             const char     *code,
                             GError        **error)
{
  g_return_val_if_fail (SP_IS_PREFERENCES (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (sp_currency_lookup (code) == NULL)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("“%s” is not a currency Sales Planner knows"), code);
      return FALSE;
    }

  return set_setting (self, KEY_CURRENCY, code, _("Change currency"), error);
}

GDateMonth
sp_preferences_get_fiscal_start_month (SpPreferences *self)
{
  g_return_val_if_fail (SP_IS_PREFERENCES (self), G_DATE_JANUARY);

  return (GDateMonth) get_uint (self, KEY_FISCAL_START, 1, 1, 12);
}

gboolean
sp_preferences_set_fiscal_start_month (SpPreferences  *self,
                                       GDateMonth      month,
                                       GError        **error)
{
  g_return_val_if_fail (SP_IS_PREFERENCES (self), FALSE);

  if (!g_date_valid_month (month))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("%d is not a month (1 to 12)"), (int) month);
      return FALSE;
    }

  return set_uint (self, KEY_FISCAL_START, month, _("Change fiscal year start"), error);
}

GDateWeekday
sp_preferences_get_week_start (SpPreferences *self)
{
  g_return_val_if_fail (SP_IS_PREFERENCES (self), G_DATE_MONDAY);

  return (GDateWeekday) get_uint (self, KEY_WEEK_START, G_DATE_MONDAY, 1, 7);
}

gboolean
sp_preferences_set_week_start (SpPreferences  *self,
                               GDateWeekday    weekday,
                               GError        **error)
{
  g_return_val_if_fail (SP_IS_PREFERENCES (self), FALSE);

  if (!g_date_valid_weekday (weekday))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("%d is not a day of the week (1 to 7)"), (int) weekday);
      return FALSE;
    }

  return set_uint (self, KEY_WEEK_START, weekday, _("Change week start"), error);
}

guint
sp_preferences_get_working_days (SpPreferences *self)
{
  g_return_val_if_fail (SP_IS_PREFERENCES (self), SP_WORKING_DAYS_MON_FRI);

  return get_uint (self, KEY_WORKING_DAYS, SP_WORKING_DAYS_MON_FRI, 0, 0x7f);
}

gboolean
sp_preferences_set_working_days (SpPreferences  *self,
                                 guint           mask,
                                 GError        **error)
{
  g_return_val_if_fail (SP_IS_PREFERENCES (self), FALSE);

  if (mask == 0 || mask > 0x7f)
    {
      g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                           _("At least one day of the week must be a working day"));
      return FALSE;
    }

  return set_uint (self, KEY_WORKING_DAYS, mask, _("Change working days"), error);
}

void
sp_holiday_free (SpHoliday *holiday)
{
  if (holiday == NULL)
    return;

  g_free (holiday->date);
  g_free (holiday->name);
  g_free (holiday);
}

GPtrArray *
sp_preferences_list_holidays (SpPreferences *self)
{
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_holiday_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SP_IS_PREFERENCES (self), NULL);

  stmt = sp_sql_prepare (sp_store_get_db (self->store),
                         "SELECT day, name FROM holiday ORDER BY day", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      SpHoliday *holiday = g_new0 (SpHoliday, 1);

      holiday->date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      holiday->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (holidays, holiday);
    }

  return g_steal_pointer (&holidays);
}

static gboolean
change_holiday (SpPreferences  *self,
                const char     *sql,
                const GDate    *date,
                const char     *name,
                const char     *label,
                GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;
  sqlite3 *db = sp_store_get_db (self->store);

  if (date == NULL || !g_date_valid (date))
    {
      g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                           _("The holiday needs a valid date"));
      return FALSE;
    }

  day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                         g_date_get_day (date));

  if (!sp_store_begin_edit (self->store, label, error))
    return FALSE;

  stmt = sp_sql_prepare (db, sql, error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  if (name != NULL)
    sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sp_store_set_sql_error (self->store, error, _("Could not change the holidays"));
      goto fail;
    }

  return sp_store_commit_edit (self->store, error);

fail:
  sp_store_rollback_edit (self->store);
  return FALSE;
}

gboolean
sp_preferences_add_holiday (SpPreferences  *self,
                            const GDate    *date,
                            const char     *name,
                            GError        **error)
{
  g_return_val_if_fail (SP_IS_PREFERENCES (self), FALSE);

  return change_holiday (self,
                         "INSERT INTO holiday (day, name) VALUES (?1, ?2) "
                         "ON CONFLICT (day) DO UPDATE SET name = ?2",
                         date, name ? name : "", _("Add holiday"), error);
}

gboolean
sp_preferences_remove_holiday (SpPreferences  *self,
                               const GDate    *date,
                               GError        **error)
{
  g_return_val_if_fail (SP_IS_PREFERENCES (self), FALSE);

  return change_holiday (self, "DELETE FROM holiday WHERE day = ?1",
                         date, NULL, _("Remove holiday"), error);
}

SpCalendar *
sp_preferences_dup_calendar (SpPreferences *self)
{
  g_autoptr(GPtrArray) holidays = NULL;
  SpCalendar *calendar;

  g_return_val_if_fail (SP_IS_PREFERENCES (self), NULL);

  calendar = sp_calendar_new (sp_preferences_get_fiscal_start_month (self));
  sp_calendar_set_week_start (calendar, sp_preferences_get_week_start (self));
  sp_calendar_set_working_days (calendar, sp_preferences_get_working_days (self));

  holidays = sp_preferences_list_holidays (self);
  for (guint i = 0; i < holidays->len; i++)
    {
      SpHoliday *holiday = g_ptr_array_index (holidays, i);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_parse (&date, holiday->date);
      if (g_date_valid (&date))
        sp_calendar_add_holiday (calendar, &date);
    }

  return calendar;
}
