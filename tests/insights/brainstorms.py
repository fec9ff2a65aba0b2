"""Brainstorm walls written for the affinity tests: four themes (pricing, onboarding, waiting for
support, bugs in the mobile app), seven paraphrased notes each, in five languages."""

from __future__ import annotations

THEMES = ("pricing", "onboarding", "support", "mobile")

BRAINSTORMS: dict[str, dict[str, list[str]]] = {
    "en": {
        "pricing": [
            "The monthly price is too expensive for a small team",
            "Pricing page is confusing, which plan do I need?",
            "Annual plan discount is hidden",
            "Too expensive compared to competitors",
            "I don't understand why the price went up",
            "A cheaper plan for freelancers would help",
            "Per-seat pricing punishes growing teams",
        ],
        "onboarding": [
            "Onboarding takes too long before I see value",
            "Setup wizard asks too many questions at sign up",
            "I got lost during onboarding on the first day",
            "No tutorial for first-time users after sign up",
            "The setup checklist during onboarding is unclear",
            "Importing my data at setup failed on the first try",
            "Onboarding emails arrive too late to help",
        ],
        "support": [
            "Waited three days for a support reply",
            "Support chat wait time is over an hour",
            "Nobody answers the support phone line",
            "My support ticket was closed without an answer",
            "Long wait to reach a human in support",
            "Support replies take days, not hours",
            "The support queue wait makes me give up",
        ],
        "mobile": [
            "The mobile app crashes when I open a photo",
            "App freezes on Android after the update",
            "Login in the mobile app fails with an error",
            "The iPhone app crashes on startup",
            "Sync between mobile app and web is broken",
            "Buttons in the app overlap on small phone screens",
            "Mobile app bug: notifications never arrive",
        ],
    },
    "de": {
        "pricing": [
            "Der monatliche Preis ist für kleine Teams zu teuer",
            "Die Preisseite ist verwirrend, welcher Tarif passt?",
            "Der Rabatt im Jahrestarif ist versteckt",
            "Viel zu teuer im Vergleich zur Konkurrenz",
            "Warum ist der Preis plötzlich gestiegen?",
            "Ein günstiger Tarif für Freiberufler fehlt",
            "Preis pro Nutzer bestraft wachsende Teams",
        ],
        "onboarding": [
            "Das Onboarding dauert zu lange",
            "Der Einrichtungsassistent stellt bei der Anmeldung zu viele Fragen",
            "Am ersten Tag habe ich mich im Onboarding verlaufen",
            "Keine Anleitung für neue Nutzer nach der Anmeldung",
            "Die Checkliste zur Einrichtung im Onboarding ist unklar",
            "Der Datenimport bei der Einrichtung ist beim ersten Versuch gescheitert",
            "Die Onboarding-Mails kommen zu spät",
        ],
        "support": [
            "Drei Tage auf eine Antwort vom Support gewartet",
            "Die Wartezeit im Support-Chat beträgt über eine Stunde",
            "Niemand geht an die Support-Hotline",
            "Mein Support-Ticket wurde ohne Antwort geschlossen",
            "Lange Wartezeit, bis man beim Support einen Menschen erreicht",
            "Antworten vom Support dauern Tage statt Stunden",
            "Wegen der Wartezeit in der Support-Warteschlange gebe ich auf",
        ],
        "mobile": [
            "Die mobile App stürzt beim Öffnen eines Fotos ab",
            "Die App friert auf Android nach dem Update ein",
            "Die Anmeldung in der mobilen App schlägt mit einem Fehler fehl",
            "Die iPhone-App stürzt beim Start ab",
            "Der Abgleich zwischen App und Web ist kaputt",
            "Knöpfe in der App überlappen auf kleinen Handy-Bildschirmen",
            "Fehler in der App: Benachrichtigungen kommen nie an",
        ],
    },
    "fr": {
        "pricing": [
            "Le prix mensuel est trop cher pour une petite équipe",
            "La page des tarifs est confuse, quelle offre choisir ?",
            "La remise sur l'offre annuelle est cachée",
            "Beaucoup trop cher par rapport aux concurrents",
            "Pourquoi le prix a-t-il augmenté ?",
            "Une offre moins chère pour les indépendants manque",
            "Le prix par utilisateur pénalise les équipes qui grandissent",
        ],
        "onboarding": [
            "L'intégration des nouveaux utilisateurs prend trop de temps",
            "L'assistant de configuration pose trop de questions à l'inscription",
            "Je me suis perdu pendant l'intégration le premier jour",
            "Aucun tutoriel pour les nouveaux utilisateurs après l'inscription",
            "La liste de configuration pendant l'intégration est floue",
            "L'import de mes données à la configuration a échoué",
            "Les courriels d'intégration arrivent trop tard",
        ],
        "support": [
            "J'ai attendu trois jours une réponse du support",
            "L'attente sur le chat du support dépasse une heure",
            "Personne ne répond au téléphone du support",
            "Mon ticket au support a été fermé sans réponse",
            "Longue attente pour joindre un humain au support",
            "Les réponses du support prennent des jours",
            "L'attente dans la file du support me fait abandonner",
        ],
        "mobile": [
            "L'application mobile plante quand j'ouvre une photo",
            "L'application se fige sur Android après la mise à jour",
            "La connexion dans l'application mobile échoue avec une erreur",
            "L'application iPhone plante au démarrage",
            "La synchronisation entre l'application mobile et le web est cassée",
            "Les boutons de l'application se chevauchent sur les petits écrans",
            "Bug de l'application mobile : les notifications n'arrivent jamais",
        ],
    },
    "es": {
        "pricing": [
            "El precio mensual es demasiado caro para un equipo pequeño",
            "La página de precios es confusa, ¿qué plan necesito?",
            "El descuento del plan anual está escondido",
            "Demasiado caro comparado con la competencia",
            "¿Por qué subió el precio?",
            "Falta un plan más barato para autónomos",
            "El precio por usuario castiga a los equipos que crecen",
        ],
        "onboarding": [
            "La incorporación tarda demasiado en mostrar valor",
            "El asistente de configuración hace demasiadas preguntas al registrarse",
            "Me perdí durante la incorporación el primer día",
            "No hay tutorial para usuarios nuevos después del registro",
            "La lista de configuración durante la incorporación no está clara",
            "La importación de datos en la configuración falló",
            "Los correos de incorporación llegan tarde",
        ],
        "support": [
            "Esperé tres días una respuesta de soporte",
            "La espera en el chat de soporte supera una hora",
            "Nadie contesta el teléfono de soporte",
            "Cerraron mi ticket de soporte sin respuesta",
            "Larga espera para hablar con una persona de soporte",
            "Las respuestas de soporte tardan días",
            "La espera en la cola de soporte me hace rendirme",
        ],
        "mobile": [
            "La aplicación móvil se cierra al abrir una foto",
            "La aplicación se congela en Android tras la actualización",
            "El inicio de sesión en la aplicación móvil falla con un error",
            "La aplicación de iPhone se cierra al arrancar",
            "La sincronización entre la aplicación móvil y la web está rota",
            "Los botones de la aplicación se superponen en pantallas pequeñas",
            "Error en la aplicación móvil: las notificaciones nunca llegan",
        ],
    },
    "ja": {
        "pricing": [
            "月額料金が小さなチームには高すぎる",
            "料金ページが分かりにくい、どのプランが必要？",
            "年間プランの割引が見つからない",
            "競合と比べて料金が高い",
            "なぜ料金が値上がりしたのか分からない",
            "フリーランス向けの安いプランが欲しい",
            "ユーザーごとの料金は成長するチームに不利",
        ],
        "onboarding": [
            "初期設定に時間がかかりすぎる",
            "登録時の設定ウィザードの質問が多すぎる",
            "初日の初期設定で迷ってしまった",
            "登録後に新規ユーザー向けのチュートリアルがない",
            "初期設定のチェックリストが分かりにくい",
            "初期設定でのデータ取り込みに失敗した",
            "登録後の案内メールが届くのが遅い",
        ],
        "support": [
            "サポートの返信を三日待った",
            "サポートチャットの待ち時間が一時間以上",
            "サポート窓口の電話に誰も出ない",
            "サポートへの問い合わせが回答なしで閉じられた",
            "サポートの担当者につながるまで長く待つ",
            "サポートの返信に何日もかかる",
            "サポートの待ち時間が長くてあきらめた",
        ],
        "mobile": [
            "スマホアプリで写真を開くとクラッシュする",
            "アップデート後にAndroidアプリが固まる",
            "スマホアプリのログインがエラーで失敗する",
            "iPhoneアプリが起動時にクラッシュする",
            "スマホアプリとウェブの同期が壊れている",
            "小さい画面でアプリのボタンが重なる",
            "アプリの不具合で通知が届かない",
        ],
    },
    "zh": {
        "pricing": [
            "月费价格对小团队来说太贵",
            "价格页面看不懂，我需要哪个套餐？",
            "年度套餐的折扣藏得太深",
            "价格比竞争对手贵太多",
            "为什么价格突然上涨",
            "希望有更便宜的自由职业者套餐",
            "按用户收费的价格对成长中的团队不利",
        ],
        "onboarding": [
            "新用户引导流程太长",
            "注册时设置向导问的问题太多",
            "第一天在新手引导中迷路了",
            "注册后没有新用户教程",
            "新手引导的设置清单不清楚",
            "初始设置时导入数据失败",
            "新手引导邮件来得太晚",
        ],
        "support": [
            "等了三天客服才回复",
            "客服聊天的等待时间超过一小时",
            "客服电话没人接",
            "我的客服工单没有回复就被关闭了",
            "联系人工客服要等很久",
            "客服回复要好几天",
            "客服排队等待太久我放弃了",
        ],
        "mobile": [
            "手机应用打开照片时崩溃",
            "更新后安卓应用卡死",
            "手机应用登录时报错失败",
            "苹果手机应用启动时崩溃",
            "手机应用和网页版同步出错",
            "小屏幕手机上应用的按钮重叠",
            "手机应用的通知从来收不到",
        ],
    },
}


def wall(language: str) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The notes of one language as (id, text), and each id's theme."""
    notes, theme_of = [], {}
    for theme in THEMES:
        for k, text in enumerate(BRAINSTORMS[language][theme]):
            ident = f"{language}-{theme}-{k}"
            notes.append((ident, text))
            theme_of[ident] = theme
    return notes, theme_of


def purity(groups, theme_of: dict[str, str]) -> float:
    """Share of notes whose group's majority theme is their own; the "Ungrouped" group counts
    as one group, so leaving notes alone does not raise it."""
    total = sum(len(g.note_ids) for g in groups)
    agree = 0
    for g in groups:
        counts: dict[str, int] = {}
        for ident in g.note_ids:
            counts[theme_of[ident]] = counts.get(theme_of[ident], 0) + 1
        agree += max(counts.values())
    return agree / total
