package baedal.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The project's Maven modules as their {@code pom.xml} files declare them: each module's folder (its kind:
 * {@code platform}, {@code contexts}, {@code apps}, {@code tools}), its artifact id and its dependencies on
 * other baedal modules with their scopes. Read from the root {@code pom.xml}'s module list.
 */
record MavenModules(Map<String, Module> byArtifact) {

    record Dependency(String artifactId, String scope) {
    }

    record Module(String artifactId, String kind, Path folder, List<Dependency> dependencies) {
    }

    static MavenModules read() {
        Path root = root();
        Map<String, Module> modules = new LinkedHashMap<>();
        for (String path : texts(parse(root.resolve("pom.xml")).getDocumentElement(), "modules", "module")) {
            Path folder = root.resolve(path);
            Element project = parse(folder.resolve("pom.xml")).getDocumentElement();
            String artifactId = child(project, "artifactId").getTextContent().trim();
            List<Dependency> dependencies = new ArrayList<>();
            Element declared = child(project, "dependencies");
            if (declared != null) {
                for (Element dependency : children(declared, "dependency")) {
                    if ("io.baedal".equals(text(dependency, "groupId"))) {
                        String scope = text(dependency, "scope");
                        dependencies.add(new Dependency(text(dependency, "artifactId"), scope == null ? "compile" : scope));
                    }
                }
            }
            modules.put(artifactId, new Module(artifactId, Path.of(path).getName(0).toString(), folder, dependencies));
        }
        return new MavenModules(modules);
    }

    List<Module> ofKind(String kind) {
        return byArtifact.values().stream().filter(module -> module.kind().equals(kind)).toList();
    }

    Module get(String artifactId) {
        Module module = byArtifact.get(artifactId);
        if (module == null) {
            throw new IllegalArgumentException("no module " + artifactId + "; modules: " + byArtifact.keySet());
        }
        return module;
    }

    /** The folder of the root {@code pom.xml}: tests run in {@code apps/app}, the root is above it. */
    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.exists(pom) && Files.readString(pom).contains("<module>apps/app</module>")) {
                    return dir;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no root pom.xml listing apps/app above " + Path.of("").toAbsolutePath());
    }

    private static Document parse(Path pom) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    private static List<String> texts(Element parent, String container, String name) {
        Element list = child(parent, container);
        return list == null ? List.of() : children(list, name).stream().map(e -> e.getTextContent().trim()).toList();
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(name)) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }
}
