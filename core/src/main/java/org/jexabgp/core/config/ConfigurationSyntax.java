package org.jexabgp.core.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jexabgp.core.model.ApiProcess;
import org.jexabgp.core.model.Configuration;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.wire.IpAddress;

/**
 * The {@code exabgp.conf} language (config.md): root sections {@code process}, {@code template} and {@code
 * neighbor}. Pure: the text comes in, the one file-system check goes through {@link ProgramCheck}.
 */
public final class ConfigurationSyntax {
    private final ParseScope scope;
    private final Block block;
    private final List<Neighbor> neighbors = new ArrayList<>();
    private final Map<String, Neighbor> identities = new HashMap<>();

    private ConfigurationSyntax(ParseScope scope, Block block) {
        this.scope = scope;
        this.block = block;
    }

    /** Parses a configuration file's text; file names it in errors and locates relative programs. */
    public static Configuration parse(String text, String file, ProgramCheck programs) throws ConfigError {
        return parse(text, file, programs, false);
    }

    /**
     * As {@link #parse(String, String, ProgramCheck)}; envPassive is the environment's {@code bgp.passive}, which
     * allows peer ranges without {@code passive} (config.md §6.2).
     */
    public static Configuration parse(String text, String file, ProgramCheck programs, boolean envPassive)
            throws ConfigError {
        return parse(ConfigText.of(text), file, programs, envPassive);
    }

    /**
     * As {@link #parse(String, String, ProgramCheck, boolean)}, reading the text as it goes (issue 9: a file is never
     * held whole). What the text throws, a read error, comes out as it is.
     */
    public static Configuration parse(ConfigText text, String file, ProgramCheck programs, boolean envPassive)
            throws ConfigError {
        return parse(text, file, programs, envPassive, Templates.none());
    }

    /**
     * As {@link #parse(String, String, ProgramCheck)}, where {@code inherit} may also name one of {@code templates}
     * (those of the running configuration, for {@code create neighbor}: docs/neighbors.md).
     */
    public static Configuration parse(String text, String file, ProgramCheck programs, Templates templates)
            throws ConfigError {
        return parse(ConfigText.of(text), file, programs, false, templates);
    }

    /**
     * As {@link #parse(String, String, ProgramCheck)} with every line cut into words: no section reads a line whole
     * ({@link Tokenizer#lineTaker}), which makes it the reference the whole-line read must equal (tests).
     */
    static Configuration parseCut(String text, String file, ProgramCheck programs) throws ConfigError {
        Block block = new Block(Tokenizer.statements(text, file));
        block.wholeLines = false;
        return new ConfigurationSyntax(new ParseScope(file, programs, false, Templates.none()), block).root();
    }

    private static Configuration parse(
            ConfigText text, String file, ProgramCheck programs, boolean envPassive, Templates templates)
            throws ConfigError {
        ConfigurationSyntax p = new ConfigurationSyntax(
                new ParseScope(file, programs, envPassive, templates), new Block(Tokenizer.statements(text, file)));
        return p.root();
    }

    private Configuration root() throws ConfigError {
        for (Statement s = block.next(); s != null; s = block.next()) {
            // config.md §2: ExaBGP ends parsing at an extra '}' and ignores the rest of the file silently, so a
            // brace too many inside a template loses every later neighbour. Stray braces at the very end stay
            // accepted (conf-extended-attributes.conf has one); a stray brace with statements after it is refused.
            if (s.closes()) {
                for (Statement rest = block.next(); rest != null; rest = block.next()) {
                    if (!rest.closes() || !rest.words().isEmpty())
                        throw ConfigError.at(
                                s.terminator(),
                                "process, template or neighbor",
                                "unbalanced braces: '}' closes no section");
                }
                break;
            }
            Token head = s.head();
            if (!s.opens())
                throw ConfigError.at(head, "process, template or neighbor", "invalid keyword \"" + head.text() + "\"");
            switch (head.text()) {
                case "process" -> process(s);
                case "template" -> template(s);
                case "neighbor" -> neighbor(s);
                default ->
                    throw ConfigError.at(
                            head, "process, template or neighbor", "section " + head.text() + " is invalid");
            }
        }
        checkReferences();
        return new Configuration(List.copyOf(scope.processes.values()), neighbors, Templates.of(scope.templates));
    }

    private void process(Statement s) throws ConfigError {
        Token head = s.head();
        if (s.words().size() != 2) throw ConfigError.at(s.words().size() < 2 ? s.terminator() : s.words().get(2),
                "process <name> {");
        Token name = s.words().get(1);
        if (scope.processes.containsKey(name.text()))
            throw ConfigError.at(name, "a new process name", "duplicate process name " + name.text());
        List<String> run = new ArrayList<>();
        ApiProcess.Encoder[] encoder = {null};
        boolean[] respawn = {true};
        block.section(st -> {
            if (st.opens()) throw ConfigError.at(st.head(), "run, encoder or respawn", "section is invalid in process");
            Cursor c = new Cursor(st);
            Token kw = c.next("run, encoder or respawn");
            switch (kw.text()) {
                case "run" -> {
                    Token program = c.next("a program");
                    String resolved = scope.programs.resolve(program.text(), scope.directory());
                    if (resolved == null)
                        throw ConfigError.at(
                                program,
                                "an executable program",
                                "can not run '" + program.text() + "': not found, not a regular file or not"
                                        + " executable");
                    run.clear();
                    run.add(resolved);
                    for (Token t : c.rest()) run.add(t.text());
                }
                case "encoder" -> {
                    Token e = c.next("text or json");
                    encoder[0] = switch (e.text().toLowerCase(Locale.ROOT)) {
                        case "text" -> ApiProcess.Encoder.TEXT;
                        case "json" -> ApiProcess.Encoder.JSON;
                        default -> throw ConfigError.at(e, "text or json");
                    };
                }
                case "respawn" -> respawn[0] = !c.hasNext() || Values.bool(c.next(""));
                default -> throw ConfigError.at(kw, "run, encoder or respawn", "invalid keyword \"" + kw.text() + "\"");
            }
            c.requireEnd();
        });
        if (run.isEmpty()) throw ConfigError.at(head, "run", "none", "unset process sections: run");
        if (encoder[0] == null) throw ConfigError.at(head, "encoder", "none", "unset process sections: encoder");
        scope.processes.put(name.text(), new ApiProcess(name.text(), run, encoder[0], respawn[0]));
    }

    private void template(Statement s) throws ConfigError {
        NeighborSyntax.noArguments(s);
        block.section(st -> {
            Token head = st.head();
            if (!st.opens() || !head.text().equals("neighbor"))
                throw ConfigError.at(head, "neighbor <name> {", "only neighbor sections are valid in template");
            if (st.words().size() != 2)
                throw ConfigError.at(st.words().size() < 2 ? st.terminator() : st.words().get(2), "neighbor <name> {");
            Token name = st.words().get(1);
            if (!name.text().matches("[A-Za-z0-9._-]+"))
                throw ConfigError.at(name, "a template name ([A-Za-z0-9._-])");
            if (scope.templates.containsKey(name.text()))
                throw ConfigError.at(name, "a new template name", "duplicate template name " + name.text());
            NeighborDraft d = new NeighborDraft(head, name.text(), null, 0);
            NeighborSyntax.body(block, d, scope);
            if (!block.closed()) throw unclosed(head, "template neighbor " + name.text());
            // config.md §5: inherit inside a template is accepted but not followed
            scope.templates.put(name.text(), d);
        });
        if (!block.closed()) throw unclosed(s.head(), "template");
    }

    /**
     * ExaBGP accepts a file that ends inside a section (config.md §2); inside a template that hides a brace too few
     * (the neighbours after it become part of the template), so we refuse it there (issue 4).
     */
    private static ConfigError unclosed(Token opening, String what) {
        return ConfigError.at(opening, "'}' before the end of the file", "unbalanced braces: " + what + " is not closed");
    }

    private void neighbor(Statement s) throws ConfigError {
        if (s.words().size() < 2) throw ConfigError.at(s.terminator(), "a peer address", "'{'", null);
        Token address = s.words().get(1);
        String text = address.text();
        int slash = text.indexOf('/');
        IpAddress peer = IpAddress.tryParse(slash < 0 ? text : text.substring(0, slash));
        if (peer == null) throw ConfigError.at(address, "a peer IP address");
        int max = peer.isV4() ? 32 : 128;
        int length = max;
        if (slash >= 0) {
            Token len = new Token(text.substring(slash + 1), address.file(), address.line(), address.column() + slash
                    + 1, address.quoted());
            length = (int) Values.number(len, 0, max, "a prefix length 0.." + max);
        }
        NeighborDraft d = new NeighborDraft(address, peer.toString(), peer, length);
        NeighborSyntax.body(block, d, scope);
        for (NeighborDraft.Item<String> name : d.inherit) {
            NeighborDraft template = scope.template(name.value());
            if (template == null)
                throw ConfigError.at(name.at(), "a defined template", "template " + name.value() + " is not defined");
            d.inherit(template, name.at());
        }
        Neighbor n = NeighborBuild.build(d, scope.envPassive);
        String id = NeighborBuild.identity(n);
        if (identities.putIfAbsent(id, n) != null)
            throw ConfigError.at(address, "a new neighbor", "duplicate peer definition " + peer);
        neighbors.add(n);
    }

    /** api.md §1.1 / config.md §9: every process an api names must exist; every regex must match one. */
    private void checkReferences() throws ConfigError {
        for (ParseScope.Reference r : scope.references) {
            String name = r.at().text();
            if (r.regex()) {
                Pattern p;
                try {
                    p = Pattern.compile(name);
                } catch (PatternSyntaxException e) {
                    throw ConfigError.at(r.at(), "a regular expression", "invalid regex " + name);
                }
                boolean any = scope.processes.keySet().stream().anyMatch(n -> p.matcher(n).lookingAt());
                if (!any)
                    throw ConfigError.at(
                            r.at(), "a regex matching a process", "no process matches the regex '" + name + "'");
            } else if (!scope.processes.containsKey(name)) {
                                throw ConfigError.at(
                        r.at(),
                        "a defined process",
                        "an api called '" + name + "' is used by neighbor '" + r.owner() + "' but not defined");
            }
        }
    }

}
