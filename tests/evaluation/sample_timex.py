"""The fixed subsets of the TimeML dev corpora the gates score (tagger, attachment): every 6th
TimeBank file, every 5th AQUAINT file and every 4th WikiWars file, sorted by name."""

TBAQ_SUBSET = [
    "TimeBank/ABC19980108.1830.0711.tml", "TimeBank/APW19980213.1310.tml", "TimeBank/APW19980227.0487.tml",
    "TimeBank/APW19980322.0749.tml", "TimeBank/CNN19980222.1130.0084.tml", "TimeBank/NYT19980402.0453.tml",
    "TimeBank/PRI19980213.2000.0313.tml", "TimeBank/VOA19980303.1600.2745.tml", "TimeBank/ea980120.1830.0071.tml",
    "TimeBank/wsj_0032.tml", "TimeBank/wsj_0127.tml", "TimeBank/wsj_0151.tml", "TimeBank/wsj_0161.tml",
    "TimeBank/wsj_0172.tml", "TimeBank/wsj_0189.tml", "TimeBank/wsj_0321.tml", "TimeBank/wsj_0344.tml",
    "TimeBank/wsj_0505.tml", "TimeBank/wsj_0542.tml", "TimeBank/wsj_0570.tml", "TimeBank/wsj_0610.tml",
    "TimeBank/wsj_0662.tml", "TimeBank/wsj_0685.tml", "TimeBank/wsj_0745.tml", "TimeBank/wsj_0778.tml",
    "TimeBank/wsj_0806.tml", "TimeBank/wsj_0906.tml", "TimeBank/wsj_0928.tml", "TimeBank/wsj_1003.tml",
    "TimeBank/wsj_1025.tml", "TimeBank/wsj_1040.tml",
    "AQUAINT/APW19980807.0261.tml", "AQUAINT/APW19980813.1117.tml", "AQUAINT/APW19980930.0425.tml",
    "AQUAINT/APW19990312.0251.tml", "AQUAINT/APW19991008.0151.tml", "AQUAINT/APW20000107.0088.tml",
    "AQUAINT/APW20000128.0316.tml", "AQUAINT/APW20000401.0150.tml", "AQUAINT/NYT19981025.0188.tml",
    "AQUAINT/NYT19990312.0271.tml", "AQUAINT/NYT20000113.0267.tml", "AQUAINT/NYT20000406.0002.tml",
    "AQUAINT/XIE19980808.0049.tml", "AQUAINT/XIE19980814.0294.tml", "AQUAINT/XIE19990313.0031.tml",
]
WIKIWARS_SUBSET = ["01_WW2.tml", "05_VietnamWar.tml", "09_GrecoPersian.tml", "13_RussianCivWar.tml"]
