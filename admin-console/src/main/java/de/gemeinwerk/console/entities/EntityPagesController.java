package de.gemeinwerk.console.entities;

import de.gemeinwerk.console.web.ConsoleNavigation;
import de.gemeinwerk.console.web.ConsoleRequest;
import de.gemeinwerk.console.web.FormErrors;
import de.gemeinwerk.platform.accounts.StaffMember;
import de.gemeinwerk.platform.error.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/**
 * The lists of Things ({@code dinge}) and Datastreams ({@code datenstroeme}) — paged, with a search box — and their
 * edit pages: name, description, categories, public or private. Both kinds work alike ({@link EntityKind}).
 */
@Controller
class EntityPagesController {

    private static final String ROOT = "/{tenant}/verwaltung/" + EntityKind.PATTERN;
    // largest page number accepted: beyond any list, and far from overflowing $skip
    private static final int MAX_PAGE = 1_000_000;
    private static final int MAX_SEARCH = 200;
    // form member names of EntityEditor.save's errors → the fields' ids
    private static final Map<String, String> FIELDS = Map.of("name", "name", "description", "description",
            "categories", "categories");

    private final EntityEditor editor;

    EntityPagesController(EntityEditor editor) {
        this.editor = editor;
    }

    @Bean
    static ConsoleNavigation thingsNavigation() {
        return new ConsoleNavigation(200, EntityKind.THINGS.path, "console.nav.things");
    }

    @Bean
    static ConsoleNavigation datastreamsNavigation() {
        return new ConsoleNavigation(300, EntityKind.DATASTREAMS.path, "console.nav.datastreams");
    }

    @GetMapping(ROOT)
    String list(StaffMember staff, @PathVariable("kind") String kindPath,
                @RequestParam(name = "suche", defaultValue = "") String search,
                @RequestParam(name = "seite", defaultValue = "1") int page, Model model) {
        EntityKind kind = EntityKind.of(kindPath);
        if (page < 1 || page > MAX_PAGE || search.length() > MAX_SEARCH) {
            throw ApiException.badRequest("page or search out of range");
        }
        EntityEditor.Page found = editor.list(staff.tenant().id(), kind, search, page);
        long pages = Math.max(1, (found.total() + EntityEditor.PAGE_SIZE - 1) / EntityEditor.PAGE_SIZE);
        model.addAttribute("kind", kind.path);
        model.addAttribute("texts", kind.messages);
        model.addAttribute("entities", found.entities());
        model.addAttribute("total", found.total());
        model.addAttribute("search", search);
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        return "console/entities";
    }

    @GetMapping(ROOT + "/{id}")
    String edit(StaffMember staff, @PathVariable("kind") String kindPath, @PathVariable("id") long id, Model model) {
        EntityKind kind = EntityKind.of(kindPath);
        var entity = editor.find(staff.tenant().id(), kind, id);
        return page(kind, entity, editor.form(staff.tenant().id(), kind, entity), new FormErrors(),
                model);
    }

    @PostMapping(ROOT + "/{id}")
    String save(StaffMember staff, @PathVariable("kind") String kindPath, @PathVariable("id") long id,
                @RequestParam(name = "name", defaultValue = "") String name,
                @RequestParam(name = "description", defaultValue = "") String description,
                @RequestParam(name = "categories", defaultValue = "") String categories,
                @RequestParam(name = "visibility", required = false) String visibility,
                HttpServletResponse response, Model model) {
        EntityKind kind = EntityKind.of(kindPath);
        // the entity must be the tenant's before anything else is said about the form (404 otherwise)
        var entity = editor.find(staff.tenant().id(), kind, id);
        Boolean isPublic = visibility == null ? null : switch (visibility) {
            case "public" -> true;
            case "private" -> false;
            default -> throw ApiException.badRequest("visibility is 'public' or 'private'");
        };
        EntityForm form = new EntityForm(name, description, categories, isPublic);
        try {
            editor.save(staff.tenant().id(), kind, id, form);
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST) {
                throw e;
            }
            FormErrors errors = new FormErrors().add(e, kind.messages + ".error", FIELDS);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(kind, entity, form, errors, model);
        }
        return "redirect:" + ConsoleRequest.root(staff.tenant()) + kind.path + "/" + id + "?gespeichert";
    }

    private String page(EntityKind kind, EntityEditor.Row entity, EntityForm form, FormErrors errors, Model model) {
        model.addAttribute("kind", kind.path);
        model.addAttribute("texts", kind.messages);
        model.addAttribute("entity", entity);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "console/entity";
    }
}
