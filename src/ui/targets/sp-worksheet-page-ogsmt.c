/* sp-worksheet-page-ogsmt.c — the worksheet's OGSMT sheet (目的、目标、策略、测量、时间):
 * objective, and the goals, strategies and measures as lists edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worksheet-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-display.h"
#include "sp-worksheet-page-private.h"

enum { BUTTON_UP, BUTTON_DOWN };

typedef struct
{
  const char *title;
  const char *description;
  const char *add_placeholder;
  const char *text_placeholder;
} KindInfo;

static const KindInfo kinds[4] = {
  { N_("Objective"), NULL, NULL, NULL },
  { N_("Goals"), N_("The numbers that show the objective is met."),
    N_("Add a goal…"), N_("Goal") },
  { N_("Strategies"), N_("How the team will reach the goals."),
    N_("Add a strategy…"), N_("Strategy") },
  { N_("Measures and Time"), N_("What is counted to follow each strategy, the value to reach and by when."),
    N_("Add a measure…"), N_("Measure") },
};

static const SpOgsmtItem *
find_item (SpWorksheetPage *self,
           gint64           id)
{
  for (guint i = 0; self->worksheet != NULL && i < sp_worksheet_get_n_ogsmt (self->worksheet); i++)
    {
      const SpOgsmtItem *item = sp_worksheet_get_ogsmt (self->worksheet, i);

      if (item->id == id)
        return item;
    }
  return NULL;
}

static const SpOgsmtItem *
first_of_kind (SpWorksheetPage *self,
               SpOgsmtKind      kind)
{
  for (guint i = 0; i < sp_worksheet_get_n_ogsmt (self->worksheet); i++)
    {
      const SpOgsmtItem *item = sp_worksheet_get_ogsmt (self->worksheet, i);

      if (item->kind == kind)
        return item;
    }
  return NULL;
}

static gboolean
update_item (SpWorksheetPage    *self,
             const SpOgsmtItem  *item,
             const char         *text,
             gint64              value,
             const GDate        *deadline,
             GError            **error)
{
  return sp_worksheet_update_ogsmt (_sp_worksheet_page_store (self), item->id, text, value,
                                    deadline, error);
}

static gint64
item_value (const SpOgsmtItem *item)
{
  return item->has_target ? item->target_value : -1;
}

/* A measure's target is a plain count: "1,200" → 1200. */
static gboolean
parse_count (const char  *text,
             gint64      *out,
             GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  guint64 value;

  for (const char *p = text; *p; p++)
    if (*p != ',' && *p != ' ')
      g_string_append_c (digits, *p);
  if (!g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, SP_WORKSHEET_ERROR, SP_WORKSHEET_ERROR_INVALID,
                   _("“%s” is not a whole number of zero or more"), text);
      return FALSE;
    }
  *out = (gint64) value;
  return TRUE;
}

/* The objective: one text; emptying it removes it */

static gboolean
save_objective (Field       *f,
                const char  *text,
                GError     **error)
{
  SpWorksheetPage *self = f->page;
  const SpOgsmtItem *item = first_of_kind (self, SP_OGSMT_OBJECTIVE);
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (item == NULL)
    return trimmed[0] == '\0'
           || sp_worksheet_add_ogsmt (_sp_worksheet_page_store (self), self->plan_id,
                                      SP_OGSMT_OBJECTIVE, trimmed, error) != 0;
  if (trimmed[0] == '\0')
    return sp_worksheet_remove_ogsmt (_sp_worksheet_page_store (self), item->id, error);
  return update_item (self, item, trimmed, item_value (item), &item->deadline, error);
}

/* An item's fields */

static gboolean
save_text (Field       *f,
           const char  *text,
           GError     **error)
{
  const SpOgsmtItem *item = find_item (f->page, f->id);

  if (item == NULL)
    return TRUE;
  return update_item (f->page, item, text, item_value (item), &item->deadline, error);
}

static gboolean
save_value (Field       *f,
            const char  *text,
            GError     **error)
{
  SpWorksheetPage *self = f->page;
  const SpOgsmtItem *item = find_item (self, f->id);
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gint64 value = -1;

  if (item == NULL)
    return TRUE;
  if (trimmed[0] != '\0'
      && !(item->kind == SP_OGSMT_GOAL ? _sp_worksheet_page_parse_money (self, trimmed, &value, error)
                                       : parse_count (trimmed, &value, error)))
    return FALSE;
  return update_item (self, item, item->text, value, &item->deadline, error);
}

static char *
value_text (SpWorksheetPage   *self,
            const SpOgsmtItem *item)
{
  if (!item->has_target)
    return g_strdup ("");
  if (item->kind == SP_OGSMT_GOAL)
    return _sp_worksheet_page_entry_money (self, item->target_value);
  return g_strdup_printf ("%lld", (long long) item->target_value);
}

static void
set_deadline (SpWorksheetPage *self,
              gint64           id,
              const GDate     *deadline)
{
  const SpOgsmtItem *item = find_item (self, id);
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;
  if (!update_item (self, item, item->text, item_value (item), deadline, &error))
    _sp_worksheet_page_toast (self, error->message, FALSE);
}

/* What an item's button (or its deadline's calendar) acts on; freed with the widget. */
typedef struct
{
  SpWorksheetPage *page;
  gint64           id;
  int              delta;      /* move buttons: -1 up, +1 down */
  GtkWidget       *add_entry;  /* remove: where the focus goes */
} ItemAction;

static void
connect_item_action (GtkWidget       *widget,
                     const char      *signal,
                     GCallback        callback,
                     SpWorksheetPage *self,
                     gint64           id,
                     int              delta,
                     GtkWidget       *add_entry)
{
  ItemAction *action = g_new0 (ItemAction, 1);

  action->page = self;
  action->id = id;
  action->delta = delta;
  action->add_entry = add_entry;
  g_signal_connect_data (widget, signal, callback, action, (GClosureNotify) g_free, 0);
}

static void
day_selected_cb (GtkCalendar *calendar,
                 ItemAction  *action)
{
  SpWorksheetPage *self = action->page;
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  gint64 id = action->id;
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  GDate date;

  if (self->loading)
    return;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (picked),
                  g_date_time_get_month (picked), g_date_time_get_year (picked));
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  set_deadline (self, id, &date);
}

static void
no_deadline_cb (GtkButton  *button,
                ItemAction *action)
{
  SpWorksheetPage *self = action->page;
  gint64 id = action->id;
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  set_deadline (self, id, NULL);
}

static void
move_clicked_cb (GtkButton  *button,
                 ItemAction *action)
{
  SpWorksheetPage *self = action->page;
  gint64 id = action->id;
  int delta = action->delta;
  g_autoptr(GError) error = NULL;

  /* The list is rebuilt in the new order: the same button of the same item keeps the focus. */
  self->focus_item = id;
  self->focus_button = delta < 0 ? BUTTON_UP : BUTTON_DOWN;
  if (!sp_worksheet_move_ogsmt (_sp_worksheet_page_store (self), id, delta, &error))
    {
      self->focus_item = 0;
      _sp_worksheet_page_toast (self, error->message, FALSE);
    }
}

static void
remove_clicked_cb (GtkButton  *button,
                   ItemAction *action)
{
  SpWorksheetPage *self = action->page;
  gint64 id = action->id;
  const SpOgsmtItem *item = find_item (self, id);
  GtkWidget *add_entry = action->add_entry;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;
  /* Translators: toast after an OGSMT item was removed, with an Undo button */
  message = g_strdup_printf (_("“%s” removed"), item->text);
  gtk_widget_grab_focus (add_entry);
  if (!sp_worksheet_remove_ogsmt (_sp_worksheet_page_store (self), id, &error))
    _sp_worksheet_page_toast (self, error->message, FALSE);
  else
    _sp_worksheet_page_toast (self, message, TRUE);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *accessible)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return button;
}

static OgsmtRow
create_row (SpWorksheetPage   *self,
            const SpOgsmtItem *item,
            GtkWidget         *add_entry)
{
  OgsmtRow r = { item->id, NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_entry_new ();
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;
  g_autofree char *remove = NULL;

  r.row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r.row), FALSE);
  gtk_widget_set_focusable (r.row, FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (text), _(kinds[item->kind].text_placeholder));
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(kinds[item->kind].text_placeholder), -1);
  r.text = _sp_worksheet_page_field_new (self, text, save_text);
  r.text->id = item->id;
  gtk_box_append (GTK_BOX (box), text);

  if (item->kind == SP_OGSMT_GOAL || item->kind == SP_OGSMT_MEASURE)
    {
      GtkWidget *value = gtk_entry_new ();
      const char *name = item->kind == SP_OGSMT_GOAL ? _("Amount") : _("Target value");

      gtk_entry_set_alignment (GTK_ENTRY (value), 1.0f);
      gtk_entry_set_input_purpose (GTK_ENTRY (value), GTK_INPUT_PURPOSE_NUMBER);
      gtk_editable_set_width_chars (GTK_EDITABLE (value), item->kind == SP_OGSMT_GOAL ? 13 : 8);
      gtk_entry_set_placeholder_text (GTK_ENTRY (value), name);
      gtk_widget_set_tooltip_text (value, name);
      gtk_widget_add_css_class (value, "numeric");
      gtk_accessible_update_property (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      r.value = _sp_worksheet_page_field_new (self, value, save_value);
      r.value->id = item->id;
      gtk_box_append (GTK_BOX (box), value);
    }

  if (item->kind == SP_OGSMT_MEASURE)
    {
      GtkWidget *popover = gtk_popover_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *clear = gtk_button_new_with_mnemonic (_("_No Deadline"));

      r.calendar = GTK_CALENDAR (gtk_calendar_new ());
      connect_item_action (GTK_WIDGET (r.calendar), "day-selected", G_CALLBACK (day_selected_cb),
                           self, item->id, 0, NULL);
      connect_item_action (clear, "clicked", G_CALLBACK (no_deadline_cb), self, item->id, 0,
                           NULL);
      gtk_box_append (GTK_BOX (content), GTK_WIDGET (r.calendar));
      gtk_box_append (GTK_BOX (content), clear);
      gtk_popover_set_child (GTK_POPOVER (popover), content);

      r.deadline = GTK_MENU_BUTTON (gtk_menu_button_new ());
      gtk_menu_button_set_popover (r.deadline, popover);
      gtk_menu_button_set_always_show_arrow (r.deadline, TRUE);
      gtk_widget_set_valign (GTK_WIDGET (r.deadline), GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (GTK_WIDGET (r.deadline), _("Deadline"));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (r.deadline));
    }

  /* Translators: accessible names of an OGSMT item's buttons; %s is the item's text */
  up = g_strdup_printf (_("Move “%s” up"), item->text);
  down = g_strdup_printf (_("Move “%s” down"), item->text);
  remove = g_strdup_printf (_("Remove “%s”"), item->text);
  r.up = icon_button ("go-up-symbolic", _("Move Up"), up);
  r.down = icon_button ("go-down-symbolic", _("Move Down"), down);
  r.remove = icon_button ("user-trash-symbolic", _("Remove"), remove);
  /* The buttons live inside the page: their actions need no reference to it. */
  connect_item_action (r.up, "clicked", G_CALLBACK (move_clicked_cb), self, item->id, -1, NULL);
  connect_item_action (r.down, "clicked", G_CALLBACK (move_clicked_cb), self, item->id, 1, NULL);
  connect_item_action (r.remove, "clicked", G_CALLBACK (remove_clicked_cb), self, item->id, 0,
                       add_entry);
  gtk_box_append (GTK_BOX (box), r.up);
  gtk_box_append (GTK_BOX (box), r.down);
  gtk_box_append (GTK_BOX (box), r.remove);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (r.row), box);
  return r;
}

/* The lists: rebuilt when their items or order change, else updated in place */

static char *
list_shape (SpWorksheetPage *self,
            SpOgsmtKind      kind)
{
  GString *shape = g_string_new (NULL);

  for (guint i = 0; i < sp_worksheet_get_n_ogsmt (self->worksheet); i++)
    {
      const SpOgsmtItem *item = sp_worksheet_get_ogsmt (self->worksheet, i);

      if (item->kind == kind)
        g_string_append_printf (shape, "%lld;", (long long) item->id);
    }
  return g_string_free (shape, FALSE);
}

static void
build_list (SpWorksheetPage *self,
            SpOgsmtKind      kind)
{
  g_autofree char *shape = list_shape (self, kind);
  GtkListBox *list = self->ogsmt_lists[kind];
  GtkWidget *add_row = self->ogsmt_add_rows[kind];
  GtkWidget *add_entry = self->ogsmt_add_entries[kind];
  GArray *rows = self->ogsmt_rows[kind];
  int position = 0;

  if (g_strcmp0 (shape, self->ogsmt_shape[kind]) == 0)
    return;
  g_free (self->ogsmt_shape[kind]);
  self->ogsmt_shape[kind] = g_steal_pointer (&shape);

  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_remove (list, g_array_index (rows, OgsmtRow, i).row);
  g_array_set_size (rows, 0);

  for (guint i = 0; i < sp_worksheet_get_n_ogsmt (self->worksheet); i++)
    {
      const SpOgsmtItem *item = sp_worksheet_get_ogsmt (self->worksheet, i);
      OgsmtRow r;

      if (item->kind != kind)
        continue;
      r = create_row (self, item, add_entry);
      gtk_list_box_insert (list, r.row, position++);
      g_array_append_val (rows, r);
    }
  gtk_widget_set_visible (add_row, TRUE);
}

static void
load_row (SpWorksheetPage   *self,
          OgsmtRow          *r,
          const SpOgsmtItem *item,
          gboolean           first,
          gboolean           last)
{
  _sp_worksheet_page_field_load (r->text, item->text);
  if (r->value != NULL)
    {
      g_autofree char *value = value_text (self, item);

      _sp_worksheet_page_field_load (r->value, value);
    }
  if (r->deadline != NULL)
    {
      g_autofree char *date = g_date_valid (&item->deadline) ? sp_display_date (&item->deadline)
                                                             : g_strdup (_("No deadline"));
      g_autofree char *accessible = NULL;

      gtk_menu_button_set_label (r->deadline, date);
      /* Translators: accessible name of a measure's deadline button, "Deadline: 30 Jun 2026" */
      accessible = g_strdup_printf (_("Deadline: %s"), date);
      gtk_accessible_update_property (GTK_ACCESSIBLE (r->deadline), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      if (g_date_valid (&item->deadline))
        {
          g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&item->deadline),
                                                           g_date_get_month (&item->deadline),
                                                           g_date_get_day (&item->deadline),
                                                           0, 0, 0);
          gtk_calendar_select_day (r->calendar, dt);
        }
    }
  gtk_widget_set_sensitive (r->up, !first);
  gtk_widget_set_sensitive (r->down, !last);
}

static void
load_list (SpWorksheetPage *self,
           SpOgsmtKind      kind)
{
  GArray *rows = self->ogsmt_rows[kind];
  guint j = 0;

  build_list (self, kind);
  for (guint i = 0; i < sp_worksheet_get_n_ogsmt (self->worksheet) && j < rows->len; i++)
    {
      const SpOgsmtItem *item = sp_worksheet_get_ogsmt (self->worksheet, i);
      OgsmtRow *r;

      if (item->kind != kind)
        continue;
      r = &g_array_index (rows, OgsmtRow, j);
      load_row (self, r, item, j == 0, j + 1 == rows->len);
      if (self->focus_item == r->id)
        {
          GtkWidget *button = self->focus_button == BUTTON_UP ? r->up : r->down;

          if (!gtk_widget_get_sensitive (button))
            button = self->focus_button == BUTTON_UP ? r->down : r->up;
          gtk_widget_grab_focus (button);
          self->focus_item = 0;
        }
      j++;
    }
}

/* Enter in a list's "add" entry or its button. */
static void
add_item (GtkWidget       *widget,
          SpWorksheetPage *self)
{
  SpOgsmtKind kind = SP_OGSMT_GOAL;
  GtkWidget *entry;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  for (SpOgsmtKind k = SP_OGSMT_GOAL; k <= SP_OGSMT_MEASURE; k++)
    if (widget == self->ogsmt_add_entries[k]
        || gtk_widget_is_ancestor (widget, self->ogsmt_add_rows[k]))
      kind = k;
  entry = self->ogsmt_add_entries[kind];
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (self->worksheet == NULL || text[0] == '\0')
    return;
  if (sp_worksheet_add_ogsmt (_sp_worksheet_page_store (self), self->plan_id, kind, text,
                              &error) == 0)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_widget_set_tooltip_text (entry, error->message);
      _sp_worksheet_page_toast (self, error->message, FALSE);
      return;
    }
  gtk_widget_remove_css_class (entry, "error");
  gtk_widget_set_tooltip_text (entry, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  /* Focus stays here: the next item can be typed at once. */
  gtk_widget_grab_focus (entry);
}

static void
create_list (SpWorksheetPage *self,
             SpOgsmtKind      kind)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = _sp_worksheet_page_label (_(kinds[kind].title), 0.0f, "heading");
  GtkWidget *description = _sp_worksheet_page_label (_(kinds[kind].description), 0.0f,
                                                     "dim-label");
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *add_row = gtk_list_box_row_new ();
  GtkWidget *add_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (add_row), FALSE);
  gtk_widget_set_focusable (add_row, FALSE);
  gtk_widget_set_margin_start (add_box, 12);
  gtk_widget_set_margin_end (add_box, 6);
  gtk_widget_set_margin_top (add_box, 6);
  gtk_widget_set_margin_bottom (add_box, 6);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _(kinds[kind].add_placeholder));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(kinds[kind].add_placeholder), -1);
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Add"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(kinds[kind].add_placeholder), -1);
  g_signal_connect_object (entry, "activate", G_CALLBACK (add_item), self, 0);
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_item), self, 0);
  gtk_box_append (GTK_BOX (add_box), entry);
  gtk_box_append (GTK_BOX (add_box), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (add_row), add_box);
  gtk_list_box_append (GTK_LIST_BOX (list), add_row);
  self->ogsmt_add_rows[kind] = add_row;
  self->ogsmt_add_entries[kind] = entry;

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), description);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (self->ogsmt_box, box);

  self->ogsmt_lists[kind] = GTK_LIST_BOX (list);
  self->ogsmt_rows[kind] = g_array_new (FALSE, TRUE, sizeof (OgsmtRow));
}

static void
create_objective (SpWorksheetPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = _sp_worksheet_page_label (_(kinds[SP_OGSMT_OBJECTIVE].title), 0.0f,
                                                 "heading");
  GtkWidget *description = _sp_worksheet_page_label (_("What the team wants to achieve this year, in one sentence."),
                                                     0.0f, "dim-label");
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (heading), entry);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("No objective yet"));
  gtk_widget_add_css_class (entry, "title-4");
  self->objective = _sp_worksheet_page_field_new (self, entry, save_objective);

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), description);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (self->ogsmt_box, box);
}

void
_sp_worksheet_page_ogsmt_load (SpWorksheetPage *self)
{
  const SpOgsmtItem *objective = first_of_kind (self, SP_OGSMT_OBJECTIVE);

  _sp_worksheet_page_field_load (self->objective, objective ? objective->text : "");
  for (SpOgsmtKind kind = SP_OGSMT_GOAL; kind <= SP_OGSMT_MEASURE; kind++)
    load_list (self, kind);
}

void
_sp_worksheet_page_ogsmt_init (SpWorksheetPage *self)
{
  create_objective (self);
  for (SpOgsmtKind kind = SP_OGSMT_GOAL; kind <= SP_OGSMT_MEASURE; kind++)
    create_list (self, kind);
}

void
_sp_worksheet_page_ogsmt_dispose (SpWorksheetPage *self)
{
  for (guint kind = 0; kind < 4; kind++)
    {
      g_clear_pointer (&self->ogsmt_rows[kind], g_array_unref);
      g_clear_pointer (&self->ogsmt_shape[kind], g_free);
    }
}
