/* sp-meetings-page.c — the Meetings view (会议经营): the month's meetings (today's first,
 * then upcoming, then earlier), the year's plan, one-off meetings, the overdue action items;
 * a meeting opens in SpMeetingView
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-meetings-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-model.h"

#include "sp-display.h"
#include "sp-meetings-page.h"
#include "sp-window.h"

enum { TODAY, UPCOMING, PAST, N_LISTS };

struct _SpMeetingsPage
{
  SpPage          parent_instance;

  GDate           today;
  GDate           month;        /* the first day of the month shown */
  GListStore     *meetings[N_LISTS];
  GListModel     *overdue;
  GtkWidget      *root;         /* followed for its presentation state while mapped */

  /* Template children */
  GtkStack       *stack;
  GtkLabel       *month_label;
  GtkMenuButton  *add_button;
  GtkWidget      *empty_label;
  GtkWidget      *today_heading;
  GtkListBox     *today_list;
  GtkWidget      *upcoming_heading;
  GtkListBox     *upcoming_list;
  GtkWidget      *past_heading;
  GtkListBox     *past_list;
  GtkListBox     *overdue_list;
  SpMeetingView  *view;

  /* The add-meeting popover */
  GtkDropDown    *add_kind;
  GtkCalendar    *add_day;
  GtkEntry       *add_time;
};

G_DEFINE_FINAL_TYPE (SpMeetingsPage, sp_meetings_page, SP_TYPE_PAGE)

static void
toast (SpMeetingsPage *self,
       const char     *message,
       gboolean        with_undo)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast;

  if (!SP_IS_WINDOW (root))
    return;
  toast = adw_toast_new (message);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  sp_window_add_toast (SP_WINDOW (root), toast);
}

static GtkWidget *
create_meeting_row_cb (gpointer item,
                       gpointer user_data)
{
  SpMeeting *meeting = item;
  GtkWidget *row = adw_action_row_new ();
  const char *kind = sp_meeting_kind_get_name (sp_meeting_get_kind (meeting),
                                               sp_meeting_get_review_period (meeting));
  GDate day;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;

  sp_meeting_get_date (meeting, &day);
  date = sp_display_date (&day);
  if (g_strcmp0 (kind, sp_meeting_get_title (meeting)) != 0)
    subtitle = g_strdup_printf (_("%s, %s · %s"), date, sp_meeting_get_time (meeting), kind);
  else
    subtitle = g_strdup_printf (C_("a meeting's day and time", "%s, %s"), date,
                                sp_meeting_get_time (meeting));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sp_meeting_get_title (meeting));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (sp_meeting_get_held (meeting))
    {
      GtkWidget *held = gtk_label_new (_("Held"));

      gtk_widget_add_css_class (held, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), held);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static GtkWidget *
create_overdue_row_cb (gpointer item,
                       gpointer user_data)
{
  SpActionItem *action = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *due = sp_display_iso_date (sp_action_item_get_due_on (action));
  g_autofree char *raised = sp_display_iso_date (sp_action_item_get_meeting_day (action));
  g_autofree char *subtitle = NULL;

  /* Translators: an overdue action item: its owner, due date, phase and meeting's day. */
  subtitle = g_strdup_printf (_("%s · due %s · %s · raised %s"),
                              sp_action_item_get_rep_name (action) ?: _("No owner"), due,
                              sp_action_phase_get_name (sp_action_item_get_phase (action)),
                              raised);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sp_action_item_get_text (action));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
load_list (SpMeetingsPage *self)
{
  SpStore *store = sp_page_get_store (SP_PAGE (self));
  g_autoptr(GListModel) month = NULL;
  g_autoptr(GError) error = NULL;
  char text[64];
  GDate last = self->month;
  guint n = 0;

  g_date_add_months (&last, 1);
  g_date_subtract_days (&last, 1);
  /* Translators: the month shown in the Meetings view, a strftime format. */
  g_date_strftime (text, sizeof text, C_("meetings month", "%B %Y"), &self->month);
  gtk_label_set_label (self->month_label, text);

  for (guint i = 0; i < N_LISTS; i++)
    g_list_store_remove_all (self->meetings[i]);
  if (store != NULL)
    month = sp_meeting_list (store, &self->month, &last, &error);
  if (month == NULL && store != NULL)
    g_debug ("Meetings: %s", error->message);
  n = month ? g_list_model_get_n_items (month) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpMeeting) meeting = g_list_model_get_item (month, i);
      GDate day;
      int order;

      sp_meeting_get_date (meeting, &day);
      order = g_date_compare (&day, &self->today);
      if (order == 0)
        g_list_store_append (self->meetings[TODAY], meeting);
      else if (order > 0)
        g_list_store_append (self->meetings[UPCOMING], meeting);
      else /* the most recent first */
        g_list_store_insert (self->meetings[PAST], 0, meeting);
    }

  gtk_widget_set_visible (self->empty_label, n == 0);
  gtk_widget_set_visible (self->today_heading,
                          g_list_model_get_n_items (G_LIST_MODEL (self->meetings[TODAY])) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->today_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->meetings[TODAY])) > 0);
  gtk_widget_set_visible (self->upcoming_heading,
                          g_list_model_get_n_items (G_LIST_MODEL (self->meetings[UPCOMING])) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->upcoming_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->meetings[UPCOMING])) > 0);
  gtk_widget_set_visible (self->past_heading,
                          g_list_model_get_n_items (G_LIST_MODEL (self->meetings[PAST])) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->past_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->meetings[PAST])) > 0);

  g_clear_object (&self->overdue);
  g_clear_error (&error);
  if (store != NULL)
    self->overdue = sp_action_item_list_overdue (store, &self->today, &error);
  if (self->overdue == NULL)
    self->overdue = G_LIST_MODEL (g_list_store_new (SP_TYPE_ACTION_ITEM));
  gtk_list_box_bind_model (self->overdue_list, self->overdue, create_overdue_row_cb, self, NULL);
}

static void
sp_meetings_page_refresh (SpPage *page)
{
  SpMeetingsPage *self = SP_MEETINGS_PAGE (page);

  load_list (self);
  if (sp_meeting_view_get_meeting (self->view) != 0)
    {
      sp_meeting_view_reload (self->view);
      /* Undone away: back to the list. */
      if (sp_meeting_view_get_meeting (self->view) == 0)
        gtk_stack_set_visible_child_name (self->stack, "list");
    }
}

static void
sp_meetings_page_workspace_set (SpPage      *page,
                                SpWorkspace *workspace)
{
  SpMeetingsPage *self = SP_MEETINGS_PAGE (page);

  sp_meeting_view_set_workspace (self->view, workspace);
}

void
sp_meetings_page_open_meeting (SpMeetingsPage *self,
                               gint64          meeting_id)
{
  g_return_if_fail (SP_IS_MEETINGS_PAGE (self));

  sp_meeting_view_set_meeting (self->view, meeting_id);
  if (sp_meeting_view_get_meeting (self->view) != 0)
    gtk_stack_set_visible_child_name (self->stack, "meeting");
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      sp_page_queue_refresh (SP_PAGE (self));
    }
}

static void
row_activated_cb (SpMeetingsPage *self,
                  GtkListBoxRow  *row,
                  GtkListBox     *list)
{
  GListModel *model = G_LIST_MODEL (list == self->today_list ? self->meetings[TODAY]
                                    : list == self->upcoming_list ? self->meetings[UPCOMING]
                                    : self->meetings[PAST]);
  g_autoptr(SpMeeting) meeting = g_list_model_get_item (model,
                                                        (guint) gtk_list_box_row_get_index (row));

  if (meeting != NULL)
    sp_meetings_page_open_meeting (self, sp_meeting_get_id (meeting));
}

static void
overdue_activated_cb (SpMeetingsPage *self,
                      GtkListBoxRow  *row)
{
  g_autoptr(SpActionItem) item = g_list_model_get_item (self->overdue,
                                                        (guint) gtk_list_box_row_get_index (row));

  if (item != NULL)
    sp_meetings_page_open_meeting (self, sp_action_item_get_meeting_id (item));
}

void
sp_meetings_page_show_month (SpMeetingsPage *self,
                             const GDate    *day)
{
  g_return_if_fail (SP_IS_MEETINGS_PAGE (self));
  g_return_if_fail (g_date_valid (day));

  g_date_set_dmy (&self->month, 1, g_date_get_month (day), g_date_get_year (day));
  gtk_stack_set_visible_child_name (self->stack, "list");
  sp_page_queue_refresh (SP_PAGE (self));
}

void
sp_meetings_page_set_today (SpMeetingsPage *self,
                            const GDate    *today)
{
  g_return_if_fail (SP_IS_MEETINGS_PAGE (self));
  g_return_if_fail (g_date_valid (today));

  self->today = *today;
  {
    g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (today),
                                                      g_date_get_month (today),
                                                      g_date_get_day (today), 12, 0, 0);

    gtk_calendar_select_day (self->add_day, day);
  }
  sp_meetings_page_show_month (self, today);
}

static void
step_month (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SpMeetingsPage *self = SP_MEETINGS_PAGE (widget);
  GDate month = self->month;

  if (g_str_equal (action_name, "meetings.next-month"))
    g_date_add_months (&month, 1);
  else
    g_date_subtract_months (&month, 1);
  sp_meetings_page_show_month (self, &month);
}

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SpMeetingsPage *self = SP_MEETINGS_PAGE (widget);

  sp_meetings_page_show_month (self, &self->today);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  sp_meetings_page_open_meeting (SP_MEETINGS_PAGE (widget), 0);
}

/* The fiscal year of today, from the plan of the workspace or the usual one. */
static void
generate_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SpMeetingsPage *self = SP_MEETINGS_PAGE (widget);
  SpStore *store = sp_page_get_store (SP_PAGE (self));
  SpPreferences *preferences = sp_page_get_preferences (SP_PAGE (self));
  g_autoptr(SpCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year = NULL;
  g_autofree char *message = NULL;
  guint n_added = 0;
  int fiscal_year;

  if (store == NULL || preferences == NULL)
    return;
  calendar = sp_preferences_dup_calendar (preferences);
  fiscal_year = sp_calendar_fiscal_year_of (calendar, &self->today);
  year = sp_display_fiscal_year (fiscal_year);
  if (!sp_meeting_plan_generate_or_defaults (store, fiscal_year, &n_added, &error))
    {
      toast (self, error->message, FALSE);
      return;
    }
  if (n_added == 0)
    {
      /* Translators: %s is a fiscal year ("FY2026"). */
      message = g_strdup_printf (_("The meetings of %s are already planned"), year);
      toast (self, message, FALSE);
      return;
    }
  /* Translators: %u meetings were added to the fiscal year %s ("FY2026"). */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting planned for %s",
                                          "%u meetings planned for %s", n_added),
                             n_added, year);
  toast (self, message, TRUE);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpMeetingsPage *self = SP_MEETINGS_PAGE (widget);
  SpStore *store = sp_page_get_store (SP_PAGE (self));
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->add_day);
  g_autoptr(GError) error = NULL;
  SpMeetingKind kind = gtk_drop_down_get_selected (self->add_kind);
  GDate day;
  gint64 id;

  if (store == NULL || kind >= SP_MEETING_N_KINDS)
    return;
  g_date_set_dmy (&day, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  id = sp_meeting_add (store, kind, SP_MEETING_REVIEW_NONE, &day,
                       gtk_editable_get_text (GTK_EDITABLE (self->add_time)), NULL, &error);
  if (id == 0)
    {
      toast (self, error->message, FALSE);
      return;
    }
  gtk_menu_button_popdown (self->add_button);
  sp_workspace_flush (sp_page_get_workspace (SP_PAGE (self)));
  sp_meetings_page_open_meeting (self, id);
}

static void
build_add_popover (SpMeetingsPage *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *time_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *time_label = gtk_label_new_with_mnemonic (_("_Time"));
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add"));
  GtkStringList *kinds = gtk_string_list_new (NULL);

  for (guint k = 0; k < SP_MEETING_N_KINDS; k++)
    gtk_string_list_append (kinds, sp_meeting_kind_get_name (k, SP_MEETING_REVIEW_NONE));
  self->add_kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (kinds), NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->add_kind));
  self->add_day = GTK_CALENDAR (gtk_calendar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->add_day));
  self->add_time = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->add_time), "10:00");
  gtk_editable_set_width_chars (GTK_EDITABLE (self->add_time), 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (time_label), GTK_WIDGET (self->add_time));
  gtk_box_append (GTK_BOX (time_row), time_label);
  gtk_box_append (GTK_BOX (time_row), GTK_WIDGET (self->add_time));
  gtk_widget_set_hexpand (add, TRUE);
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "meetings.add");
  gtk_box_append (GTK_BOX (time_row), add);
  gtk_box_append (GTK_BOX (box), time_row);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->add_button, popover);
}

gboolean
sp_meetings_page_step_slide (SpMeetingsPage *self,
                             int             step)
{
  g_return_val_if_fail (SP_IS_MEETINGS_PAGE (self), FALSE);

  if (!sp_meeting_view_get_presenting (self->view)
      || sp_meeting_view_get_meeting (self->view) == 0
      || !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "meeting"))
    return FALSE;
  /* At the first or last slide the key is still the meeting's: the views stay. */
  sp_meeting_view_step_slide (self->view, step);
  return TRUE;
}

static void
presentation_changed_cb (SpMeetingsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  sp_meeting_view_set_presenting (self->view, SP_IS_WINDOW (root)
                                              && sp_window_get_presenting (SP_WINDOW (root)));
}

static void
sp_meetings_page_map (GtkWidget *widget)
{
  SpMeetingsPage *self = SP_MEETINGS_PAGE (widget);

  GTK_WIDGET_CLASS (sp_meetings_page_parent_class)->map (widget);
  self->root = GTK_WIDGET (gtk_widget_get_root (widget));
  if (SP_IS_WINDOW (self->root))
    g_signal_connect_object (self->root, "action-state-changed::presentation",
                             G_CALLBACK (presentation_changed_cb), self, G_CONNECT_SWAPPED);
  presentation_changed_cb (self);
}

static void
sp_meetings_page_unmap (GtkWidget *widget)
{
  SpMeetingsPage *self = SP_MEETINGS_PAGE (widget);

  if (self->root != NULL)
    g_signal_handlers_disconnect_by_func (self->root, presentation_changed_cb, self);
  self->root = NULL;
  GTK_WIDGET_CLASS (sp_meetings_page_parent_class)->unmap (widget);
}

SpMeetingView *
sp_meetings_page_get_view (SpMeetingsPage *self)
{
  g_return_val_if_fail (SP_IS_MEETINGS_PAGE (self), NULL);
  return self->view;
}

GListModel *
sp_meetings_page_get_meetings (SpMeetingsPage *self,
                               guint           which)
{
  g_return_val_if_fail (SP_IS_MEETINGS_PAGE (self), NULL);
  g_return_val_if_fail (which < N_LISTS, NULL);
  return G_LIST_MODEL (self->meetings[which]);
}

GListModel *
sp_meetings_page_get_overdue (SpMeetingsPage *self)
{
  g_return_val_if_fail (SP_IS_MEETINGS_PAGE (self), NULL);
  return self->overdue;
}

static void
sp_meetings_page_dispose (GObject *object)
{
  SpMeetingsPage *self = SP_MEETINGS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_MEETINGS_PAGE);
  for (guint i = 0; i < N_LISTS; i++)
    g_clear_object (&self->meetings[i]);
  g_clear_object (&self->overdue);

  G_OBJECT_CLASS (sp_meetings_page_parent_class)->dispose (object);
}

static void
sp_meetings_page_class_init (SpMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpPageClass *page_class = SP_PAGE_CLASS (klass);

  object_class->dispose = sp_meetings_page_dispose;
  widget_class->map = sp_meetings_page_map;
  widget_class->unmap = sp_meetings_page_unmap;
  page_class->workspace_set = sp_meetings_page_workspace_set;
  page_class->refresh = sp_meetings_page_refresh;

  g_type_ensure (SP_TYPE_MEETING_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/sp-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpMeetingsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingsPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingsPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingsPage, today_heading);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingsPage, today_list);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingsPage, upcoming_heading);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingsPage, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingsPage, past_heading);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingsPage, past_list);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingsPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingsPage, view);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, overdue_activated_cb);
  gtk_widget_class_install_action (widget_class, "meetings.previous-month", NULL, step_month);
  gtk_widget_class_install_action (widget_class, "meetings.next-month", NULL, step_month);
  gtk_widget_class_install_action (widget_class, "meetings.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "meetings.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "meetings.generate", NULL, generate_activated);
  gtk_widget_class_install_action (widget_class, "meetings.add", NULL, add_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sp-meetings-page");
}

static void
sp_meetings_page_init (SpMeetingsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (guint i = 0; i < N_LISTS; i++)
    self->meetings[i] = g_list_store_new (SP_TYPE_MEETING);
  gtk_widget_init_template (GTK_WIDGET (self));
  build_add_popover (self);
  gtk_list_box_bind_model (self->today_list, G_LIST_MODEL (self->meetings[TODAY]),
                           create_meeting_row_cb, self, NULL);
  gtk_list_box_bind_model (self->upcoming_list, G_LIST_MODEL (self->meetings[UPCOMING]),
                           create_meeting_row_cb, self, NULL);
  gtk_list_box_bind_model (self->past_list, G_LIST_MODEL (self->meetings[PAST]),
                           create_meeting_row_cb, self, NULL);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  g_date_set_dmy (&self->month, 1, g_date_get_month (&self->today),
                  g_date_get_year (&self->today));
}
