package org.rongtong.matching.service;

import static org.rongtong.matching.service.IndexFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.rongtong.events.CooperationField;
import org.rongtong.events.Willingness;
import org.rongtong.matching.model.Candidate;

/**
 * How an enterprise becomes an index document: its profile (thesaurus evidence, roles, offer) and its fields (the
 * analysed terms of its texts and concepts, in one field per cooperation field it is willing for; see
 * {@link EnterpriseIndex#WILLING_TEXT}). The same analyser turns demands into query terms.
 */
final class ProfileDocuments {

    /**
     * A profile as the index keeps it: the detached enterprise, the thesaurus concepts found in its fields (packed, see
     * {@link Thesaurus#pack}), the business roles its name declares and those of each capability tag (with the name's),
     * and its offer (name, tags, products) as comparable text.
     */
    public record Profile(Candidate candidate, long[] evidence, int nameRoles, int[] tagRoles, String offer) {
    }

    private final Analyzer analyzer;
    private final Thesaurus thesaurus;
    private final boolean plainText;

    ProfileDocuments(String analyzerName, Thesaurus thesaurus, boolean plainText) {
        this.analyzer = analyzer(analyzerName);
        this.thesaurus = thesaurus;
        this.plainText = plainText;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    static Analyzer analyzer(String name) {
        return switch (name) {
            case "cjk" -> new CJKAnalyzer();
            case "smartcn" -> new SmartChineseAnalyzer();
            default -> throw new IllegalArgumentException("rongtong.matching.analyzer: cjk or smartcn, not " + name);
        };
    }

    /** The thesaurus evidence of one profile: what the index keeps, and what reverse matching computes afresh. */
    Profile profileOf(Candidate c) {
        int nameRoles = thesaurus.roles(c.name);
        List<Long> found = new ArrayList<>();
        for (String capability : c.capabilities) {
            thesaurus.evidence(capability, F_CAPABILITIES, nameRoles, found);
        }
        thesaurus.evidence(c.products, F_PRODUCTS, nameRoles, found);
        thesaurus.evidence(c.description, F_DESCRIPTION, nameRoles, found);
        thesaurus.evidence(c.name, F_NAME, nameRoles, found);
        long[] evidence = new long[found.size()];
        for (int i = 0; i < evidence.length; i++) {
            evidence[i] = found.get(i);
        }
        int[] tagRoles = new int[c.capabilities.size()];
        for (int i = 0; i < tagRoles.length; i++) {
            tagRoles[i] = thesaurus.roles(c.capabilities.get(i)) | nameRoles;
        }
        // name, tags and products as one comparable text, for the thesaurus's lookalike pairs
        String offer = ThesaurusText.comparable(c.name + "。" + String.join("、", c.capabilities) + "。" + (c.products == null ? "" : c.products));
        return new Profile(c, evidence, nameRoles, tagRoles, offer);
    }

    Document document(Profile p) {
        Candidate c = p.candidate();
        Document doc = new Document();
        doc.add(new StringField(ID, c.id.toString(), Field.Store.NO));
        doc.add(new BinaryDocValuesField(ID_BYTES, new BytesRef(java.nio.ByteBuffer.allocate(16)
                .putLong(c.id.getMostSignificantBits()).putLong(c.id.getLeastSignificantBits()).array())));
        String region = c.regionCode == null ? "" : c.regionCode;
        for (int len = 2; len <= region.length(); len += 2) {
            doc.add(new StringField(REGION, region.substring(0, len), Field.Store.NO));
        }
        // analysed once: the terms feed both text fields as pre-analysed token streams
        List<String> all = new ArrayList<>();
        for (String field : TEXT_FIELDS) {
            String text = text(c, field);
            if (text != null && !text.isBlank()) {
                all.addAll(terms(text));
            }
        }
        // the capabilities once more: a term an enterprise tags itself with weighs more than one in its prose
        for (String capability : c.capabilities) {
            all.addAll(terms(capability));
        }
        // each concept once per find, so that BM25's term frequency favours the profile that dwells on it
        for (long e : p.evidence()) {
            all.add(CONCEPT_PREFIX + thesaurus.concept(Evidence.conceptOf(e)).id());
        }
        if (plainText) {
            doc.add(new Field(ALL_TEXT, new TermListStream(all), TEXT_TYPE));
        }
        // only the fields its kind may answer (KindRules): the kind rule then needs no filter either
        List<CooperationField> willing = c.willingness.entrySet().stream()
                .filter(w -> w.getValue() != Willingness.NONE && KindRules.allows(w.getKey(), c.kind))
                .map(Map.Entry::getKey).toList();
        for (CooperationField f : willing) {
            doc.add(new Field(willingField(f), new TermListStream(all), TEXT_TYPE));
        }
        return doc;
    }

    /** Terms and frequencies for BM25, no positions: retrieval needs no phrases. */
    private static final FieldType TEXT_TYPE = textType();

    private static FieldType textType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setTokenized(true);
        type.freeze();
        return type;
    }

    /** The analyser's terms for a text, as the index stores them (also how demands are turned into query terms). */
    List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(DESCRIPTION, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Terms already analysed, handed to the index as they are. */
    private static final class TermListStream extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final List<String> terms;
        private int next;

        TermListStream(List<String> terms) {
            this.terms = terms;
        }

        @Override
        public boolean incrementToken() {
            if (next >= terms.size()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(terms.get(next++));
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }

    /** The text of one analysed field of a profile, as indexed. */
    static String text(Candidate c, String field) {
        return switch (field) {
            case CAPABILITIES -> String.join("、", c.capabilities);
            case PRODUCTS -> c.products;
            case DESCRIPTION -> c.description;
            case NAME -> c.name;
            default -> null;
        };
    }

}
