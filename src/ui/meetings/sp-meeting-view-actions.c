/* sp-meeting-view-actions.c — a meeting's action items: those carried in from earlier
 * meetings until done, the meeting's own, each with its PDCA phase; the form that adds one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-meeting-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-display.h"
#include "sp-meeting-view-private.h"

static SpStore *
get_store (SpMeetingView *self)
{
  return self->workspace ? sp_workspace_get_store (self->workspace) : NULL;
}

/* The item of the row holding @widget. */
static SpActionItem *
item_of (SpMeetingView *self,
         GtkWidget     *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *list = row ? gtk_widget_get_parent (row) : NULL;
  GListModel *model = list == GTK_WIDGET (self->carried_list) ? self->carried : self->own;

  if (row == NULL || model == NULL)
    return NULL;
  return g_list_model_get_item (model, (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static void
set_phase (SpMeetingView *self,
           GtkWidget     *widget,
           SpActionPhase  phase)
{
  g_autoptr(SpActionItem) item = item_of (self, widget);
  g_autoptr(GError) error = NULL;

  if (self->loading || item == NULL || get_store (self) == NULL)
    return;
  if (!sp_action_item_set_phase (get_store (self), sp_action_item_get_id (item), phase, &error))
    _sp_meeting_view_toast (self, error->message);
}

static void
phase_selected_cb (GtkDropDown   *dropdown,
                   GParamSpec    *pspec,
                   SpMeetingView *self)
{
  set_phase (self, GTK_WIDGET (dropdown), gtk_drop_down_get_selected (dropdown));
}

static void
done_clicked_cb (GtkButton     *button,
                 SpMeetingView *self)
{
  set_phase (self, GTK_WIDGET (button), SP_ACTION_PHASE_DONE);
}

static GtkStringList *
phase_names (void)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint p = 0; p < SP_ACTION_N_PHASES; p++)
    gtk_string_list_append (names, sp_action_phase_get_name (p));
  return names;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  SpMeetingView *self = user_data;
  SpActionItem *action = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *phase = gtk_drop_down_new (G_LIST_MODEL (phase_names ()), NULL);
  GtkWidget *done = gtk_button_new_from_icon_name ("object-select-symbolic");
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *due = sp_display_iso_date (sp_action_item_get_due_on (action));
  g_autofree char *raised = sp_display_iso_date (sp_action_item_get_meeting_day (action));

  if (sp_action_item_get_rep_name (action) != NULL)
    g_string_append (subtitle, sp_action_item_get_rep_name (action));
  if (due[0] != '\0')
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("due %s"), due);
    }
  if (subtitle->len > 0)
    g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle, _("raised %s"), raised);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sp_action_item_get_text (action));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  if (self->meeting != NULL)
    {
      GDate day;

      sp_meeting_get_date (self->meeting, &day);
      if (sp_action_item_is_overdue (action, &day))
        gtk_widget_add_css_class (row, "sp-overdue");
    }

  gtk_drop_down_set_selected (GTK_DROP_DOWN (phase), sp_action_item_get_phase (action));
  gtk_widget_set_valign (phase, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (phase, _("PDCA phase"));
  g_signal_connect_object (phase, "notify::selected", G_CALLBACK (phase_selected_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), phase);

  gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (done, _("Mark Done"));
  gtk_widget_set_sensitive (done, !sp_action_item_get_done (action));
  gtk_widget_add_css_class (done, "flat");
  g_signal_connect_object (done, "clicked", G_CALLBACK (done_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);
  return row;
}

static void
update_due_label (SpMeetingView *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->action_due);
  GDate day;
  g_autofree char *text = NULL;

  g_date_set_dmy (&day, g_date_time_get_day_of_month (picked),
                  g_date_time_get_month (picked), g_date_time_get_year (picked));
  text = sp_display_date (&day);
  gtk_menu_button_set_label (self->action_due_button, text);
}

void
_sp_meeting_view_add_action (SpMeetingView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->action_text));
  guint owner = gtk_drop_down_get_selected (self->action_owner);
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->action_due);
  g_autoptr(GError) error = NULL;
  gint64 rep_id = 0;
  GDate due;

  if (get_store (self) == NULL || self->meeting_id == 0)
    return;
  if (owner != GTK_INVALID_LIST_POSITION && owner > 0)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (self->reps, owner - 1);

      rep_id = rep ? sp_rep_get_id (rep) : 0;
    }
  g_date_set_dmy (&due, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  if (sp_action_item_add (get_store (self), self->meeting_id, rep_id, text, &due,
                          gtk_drop_down_get_selected (self->action_phase), &error) == 0)
    {
      _sp_meeting_view_toast (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->action_text), "");
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkListBox *
list_new (const char *placeholder)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *empty = gtk_label_new (placeholder);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 12);
  gtk_widget_set_margin_bottom (empty, 12);
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), empty);
  return GTK_LIST_BOX (list);
}

GtkWidget *
_sp_meeting_view_build_actions (SpMeetingView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add"));
  GtkStringList *owners = gtk_string_list_new (NULL);
  GDate day;
  g_autoptr(GDateTime) due = NULL;

  gtk_box_append (GTK_BOX (box), heading (_("Carried from earlier meetings")));
  self->carried_list = list_new (_("Nothing open from earlier meetings."));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->carried_list));

  gtk_box_append (GTK_BOX (box), heading (_("Raised in this meeting")));
  self->own_list = list_new (_("No action items yet."));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->own_list));

  /* The form: what, who, by when, in which phase. */
  gtk_box_append (GTK_BOX (box), heading (_("New action item")));
  self->action_text = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->action_text, _("What is to be done"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->action_text), TRUE);
  g_signal_connect_object (self->action_text, "activate",
                           G_CALLBACK (_sp_meeting_view_add_action), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->action_text));
  gtk_box_append (GTK_BOX (box), form);

  gtk_string_list_append (owners, _("No owner"));
  for (guint i = 0; i < g_list_model_get_n_items (self->reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (self->reps, i);

      gtk_string_list_append (owners, sp_rep_get_name (rep));
    }
  self->action_owner = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (owners), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->action_owner), _("Owner"));
  gtk_box_append (GTK_BOX (fields), GTK_WIDGET (self->action_owner));

  self->action_due = GTK_CALENDAR (gtk_calendar_new ());
  sp_meeting_get_date (self->meeting, &day);
  g_date_add_days (&day, 7);
  due = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                               g_date_get_day (&day), 12, 0, 0);
  gtk_calendar_select_day (self->action_due, due);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->action_due));
  self->action_due_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->action_due_button, popover);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->action_due_button), _("Due date"));
  g_signal_connect_object (self->action_due, "day-selected", G_CALLBACK (update_due_label), self,
                           G_CONNECT_SWAPPED);
  update_due_label (self);
  gtk_box_append (GTK_BOX (fields), GTK_WIDGET (self->action_due_button));

  self->action_phase = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (phase_names ()), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->action_phase), _("PDCA phase"));
  gtk_box_append (GTK_BOX (fields), GTK_WIDGET (self->action_phase));

  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  gtk_widget_set_hexpand (add, TRUE);
  g_signal_connect_object (add, "clicked", G_CALLBACK (_sp_meeting_view_add_action), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (fields), add);
  gtk_box_append (GTK_BOX (box), fields);
  return box;
}

void
_sp_meeting_view_load_actions (SpMeetingView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->carried_list == NULL)
    return;
  g_clear_object (&self->carried);
  g_clear_object (&self->own);
  self->carried = sp_action_item_list_carried (get_store (self), self->meeting_id, &error);
  if (self->carried == NULL)
    g_debug ("Carried items: %s", error->message);
  g_clear_error (&error);
  self->own = sp_action_item_list_for_meeting (get_store (self), self->meeting_id, &error);
  if (self->own == NULL)
    g_debug ("Action items: %s", error->message);
  gtk_list_box_bind_model (self->carried_list, self->carried, create_row_cb, self, NULL);
  gtk_list_box_bind_model (self->own_list, self->own, create_row_cb, self, NULL);
}

GtkListBox *
_sp_meeting_view_get_carried (SpMeetingView *self)
{
  return self->carried_list;
}

GtkListBox *
_sp_meeting_view_get_own (SpMeetingView *self)
{
  return self->own_list;
}
